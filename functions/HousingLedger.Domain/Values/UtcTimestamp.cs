using System.Globalization;
using System.Text.RegularExpressions;

namespace HousingLedger.Values;

/// <summary>
/// The one written form of an instant everywhere in the service and on the ledger: ISO 8601 in UTC with
/// <c>Z</c>, seconds always present and the fraction only as long as it needs to be
/// (<c>2026-03-01T10:00:00Z</c>, <c>2026-03-01T10:00:00.25Z</c>). One instant has exactly one form, so a
/// transaction hashes the same wherever it is rebuilt.
/// </summary>
public static partial class UtcTimestamp
{
    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }

    /// <summary>
    /// Parses an instant sent by a client: ISO 8601 extended form, a date and a time (seconds and up to seven
    /// fractional digits optional) and <c>Z</c> (or <c>+00:00</c>).
    /// Local times without an offset, other offsets and dates alone are refused: a payment rule must never
    /// depend on a guessed time zone.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }

        var utc = text.EndsWith('Z') ? text[..^1] : text[..^6];
        return DateTimeOffset.TryParseExact(
            utc, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|\+00:00)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
