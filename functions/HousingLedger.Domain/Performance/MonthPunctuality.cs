using HousingLedger.Fees;

namespace HousingLedger.Performance;

/// <summary>
/// How a supplier kept to its deadlines in one calendar month (UTC), counting jobs by the month their deadline falls
/// in, cancelled ones excepted. Of the <paramref name="Due"/> jobs, those whose deadline has passed are decided, as
/// settlement decides them for the late penalty (SPEC §6.4): <paramref name="OnTime"/> (first completion at or before
/// the deadline) or <paramref name="Late"/>; the rest are still ahead of their deadline. Immutable.
/// </summary>
public sealed record MonthPunctuality(StatementMonth Month, int Due, int OnTime, int Late)
{
    /// <summary>Jobs whose deadline has passed: those on time and those late.</summary>
    public int Decided => OnTime + Late;

    /// <summary>On time / decided, exact; null when none is decided (no ratio to show, rather than a made-up 0 or 1).</summary>
    public decimal? OnTimeRatio => Decided == 0 ? null : (decimal)OnTime / Decided;

    /// <summary>Late / decided, exact, the ratio the late penalty's threshold is compared with; null when none is decided.</summary>
    public decimal? LateRatio => Decided == 0 ? null : (decimal)Late / Decided;
}
