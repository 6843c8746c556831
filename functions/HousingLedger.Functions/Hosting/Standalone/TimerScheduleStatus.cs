using System.Globalization;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Which occurrence of a timer last ran and which is next, kept as metadata on the timer's lock blob so every
/// instance sees it: it stops a second instance running a tick already run, and shows a missed one.
/// </summary>
internal sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next)
{
    private const string LastKey = "last";
    private const string NextKey = "next";

    public static TimerScheduleStatus? FromMetadata(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(LastKey, out var last) && metadata.TryGetValue(NextKey, out var next)
        && TryParse(last, out var lastAt) && TryParse(next, out var nextAt)
            ? new TimerScheduleStatus(lastAt, nextAt)
            : null;

    public IDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [LastKey] = Last.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        [NextKey] = Next.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
    };

    private static bool TryParse(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
}
