using System.Globalization;

namespace HousingLedger.Values;

/// <summary>
/// The one written form of an instant everywhere in the service and on the ledger: ISO 8601 in UTC with
/// <c>Z</c>, seconds always present and the fraction only as long as it needs to be
/// (<c>2026-03-01T10:00:00Z</c>, <c>2026-03-01T10:00:00.25Z</c>). One instant has exactly one form, so a
/// transaction hashes the same wherever it is rebuilt.
/// </summary>
public static class UtcTimestamp
{
    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }

    /// <summary>
    /// Parses an instant sent by a client: ISO 8601 with a date, a time and <c>Z</c> (or <c>+00:00</c>).
    /// Local times without an offset, other offsets and dates alone are refused: a payment rule must never
    /// depend on a guessed time zone.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40 || !(text.EndsWith('Z') || text.EndsWith("+00:00", StringComparison.Ordinal)))
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            || !text.Contains('T', StringComparison.Ordinal))
        {
            return false;
        }

        instant = parsed;
        return true;
    }
}
