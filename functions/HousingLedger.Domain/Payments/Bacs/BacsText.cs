using System.Text;

namespace HousingLedger.Payments.Bacs;

/// <summary>
/// Text as BACS carries it: upper case <c>A–Z</c>, digits, <c>. &amp; / -</c> and space. Lower case is raised,
/// accented Latin letters are folded to ASCII, other spacing becomes a space, anything else is dropped; runs of
/// spaces collapse to one and the result is cut to the field's width, so it can never overflow into the next field.
/// </summary>
public static class BacsText
{
    /// <summary>Whether <paramref name="c"/> may appear in a BACS record.</summary>
    public static bool IsAllowed(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '.' or '&' or '/' or '-' or ' ';

    /// <summary>
    /// <paramref name="text"/> cleaned and cut to at most <paramref name="width"/> characters, without padding or
    /// leading and trailing spaces. Empty when nothing in it can be carried.
    /// </summary>
    public static string Clean(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var carried = c switch
            {
                _ when char.IsAsciiLetterLower(c) => char.ToUpperInvariant(c).ToString(),
                _ when IsAllowed(c) => c.ToString(),
                _ when char.IsWhiteSpace(c) => " ",
                _ => LatinFolding.Fold(c),
            };
            foreach (var allowed in carried ?? string.Empty)
            {
                if (allowed != ' ' || (cleaned.Length > 0 && cleaned[^1] != ' '))
                {
                    cleaned.Append(allowed);
                }
            }
        }

        var result = cleaned.ToString();
        return (result.Length > width ? result[..width] : result).TrimEnd();
    }
}
