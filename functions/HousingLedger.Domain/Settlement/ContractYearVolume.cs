using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// The running count of approved units in the current contract year, fed in approval order (SPEC §6.3).
/// Contract years are 12 calendar months each from the contract's <c>starts</c> day at midnight UTC: year k runs
/// from starts + 12k months (inclusive) to starts + 12(k + 1) months (exclusive), a day past the month's end
/// falling back to its last day. A job belongs to the year its approval <c>occurredAt</c> falls in, because its
/// approval is what places it in the count. The count starts again at 0 in each new year.
/// </summary>
internal sealed class ContractYearVolume(DateOnly starts)
{
    private readonly DateTimeOffset firstYearStarts = YearStart(starts, 0);
    private int year;
    private DateTimeOffset nextYearStarts = YearStart(starts, 1);
    private long units;

    /// <summary>Adds a job approved at <paramref name="approvedAt"/>, no earlier than the last one; returns the year's units so far, its own included.</summary>
    /// <exception cref="ArgumentException">The job was approved before the contract started.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is below 1.</exception>
    public long Add(JobId jobId, DateTimeOffset approvedAt, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        if (approvedAt < firstYearStarts)
        {
            throw new ArgumentException($"Job {jobId} was approved before its contract started on {starts:yyyy-MM-dd}; jobs are raised only while a contract is in force.");
        }

        while (approvedAt >= nextYearStarts)
        {
            year++;
            nextYearStarts = YearStart(starts, year + 1);
            units = 0;
        }

        units = checked(units + quantity);
        return units;
    }

    /// <summary>The start of the contract year that <paramref name="instant"/> falls in (the first year's start if it is earlier).</summary>
    public static DateTimeOffset YearStartOf(DateOnly starts, DateTimeOffset instant)
    {
        var year = 0;
        while (YearStart(starts, year + 1) <= instant)
        {
            year++;
        }

        return YearStart(starts, year);
    }

    // Counted from the first day each time, so years from 29 February 2028 start on 28 February 2029 … and on
    // 29 February 2032 again, rather than drifting to the 28th for good.
    private static DateTimeOffset YearStart(DateOnly starts, int year) =>
        new(starts.AddMonths(12 * year).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
