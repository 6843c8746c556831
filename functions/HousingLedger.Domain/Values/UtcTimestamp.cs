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
    /// Reads an instant in its one written form (<see cref="Format"/>) straight from its UTF-8 bytes, as a ledger
    /// line holds it; false for any other text. It takes exactly the texts that parsing and formatting again would
    /// give back unchanged, without doing either.
    /// </summary>
    public static bool TryReadWritten(ReadOnlySpan<byte> utf8, out DateTimeOffset instant)
    {
        instant = default;
        const int Whole = 19; // yyyy-MM-ddTHH:mm:ss
        if (utf8.Length < Whole + 1 || utf8[^1] != 'Z'
            || utf8[4] != '-' || utf8[7] != '-' || utf8[10] != 'T' || utf8[13] != ':' || utf8[16] != ':'
            || !TryDigits(utf8[..4], out var year) || !TryDigits(utf8[5..7], out var month) || !TryDigits(utf8[8..10], out var day)
            || !TryDigits(utf8[11..13], out var hour) || !TryDigits(utf8[14..16], out var minute) || !TryDigits(utf8[17..19], out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        // The fraction is written only when it is not zero, and without trailing zeros.
        var fraction = utf8[Whole..^1];
        var ticks = 0;
        if (fraction.Length > 0
            && (fraction.Length > 8 || fraction[0] != '.' || fraction[^1] == '0' || !TryDigits(fraction[1..], out ticks)))
        {
            return false;
        }

        for (var digits = Math.Max(fraction.Length - 1, 0); digits < 7; digits++)
        {
            ticks *= 10;
        }

        instant = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        return true;
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

    private static bool TryDigits(ReadOnlySpan<byte> ascii, out int value)
    {
        value = 0;
        foreach (var digit in ascii)
        {
            if (!char.IsAsciiDigit((char)digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return ascii.Length > 0;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|\+00:00)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
