using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Where a page of <see cref="JobListIndex"/> stopped: the position of the last row it read, written
/// <c>{19 digits}.{jobId}</c>. Clients treat it as opaque; it is parsed strictly, so a cursor cannot name a key outside
/// the list's rows.
/// </summary>
public readonly record struct JobListCursor
{
    private const int Digits = 19;

    internal JobListCursor(long position, JobId jobId) => (Position, JobId) = (position, jobId);

    internal long Position { get; }

    internal JobId JobId { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out JobListCursor cursor)
    {
        cursor = default;
        if (text is null || text.Length < Digits + 2 || text[Digits] != '.'
            || !long.TryParse(text.AsSpan(0, Digits), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || !TypedId.TryParse<JobId>(text[(Digits + 1)..], out var jobId))
        {
            return false;
        }

        cursor = new JobListCursor(position, jobId);
        return true;
    }

    public override string ToString() => Position.ToString("D19", CultureInfo.InvariantCulture) + "." + JobId.Value;
}
