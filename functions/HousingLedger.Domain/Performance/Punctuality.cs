using HousingLedger.Fees;
using HousingLedger.Jobs;
using HousingLedger.Settlement;

namespace HousingLedger.Performance;

/// <summary>
/// A supplier's on-time record month by month (SPEC §13: "the on-time ratio over the rolling 12 months … month by
/// month"), from its jobs' deadlines and first completions. A job is on time or late exactly as
/// <see cref="LatenessTally"/> counts it for the penalty, so the chart and the penalty never disagree. Thread-safe.
/// </summary>
public static class Punctuality
{
    /// <summary>How many months the rolling window shows: this month and the eleven before it.</summary>
    public const int RollingMonths = 12;

    /// <summary>The first month of the rolling window that ends with the month of <paramref name="now"/>.</summary>
    public static StatementMonth WindowStart(DateTimeOffset now) => StatementMonth.Of(now.UtcDateTime.AddMonths(1 - RollingMonths));

    /// <summary>
    /// Each month of the rolling window ending with <paramref name="now"/>'s, oldest first, counting
    /// <paramref name="jobs"/> by the month of their deadline; jobs due outside the window and cancelled jobs are
    /// passed over.
    /// </summary>
    public static IReadOnlyList<MonthPunctuality> ByMonth(IEnumerable<JobSummary> jobs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var first = WindowStart(now);
        var counts = new (int Due, int OnTime, int Late)[RollingMonths];
        foreach (var job in jobs)
        {
            var index = MonthsBetween(first, StatementMonth.Of(job.Deadline));
            if (job.State == JobState.Cancelled || index is < 0 or >= RollingMonths)
            {
                continue;
            }

            counts[index].Due++;
            if (job.Deadline > now)
            {
                continue;
            }

            if (LatenessTally.IsLate(job, now))
            {
                counts[index].Late++;
            }
            else
            {
                counts[index].OnTime++;
            }
        }

        var month = first;
        var months = new List<MonthPunctuality>(RollingMonths);
        foreach (var (due, onTime, late) in counts)
        {
            months.Add(new MonthPunctuality(month, due, onTime, late));
            month = month.Next();
        }

        return months;
    }

    private static int MonthsBetween(StatementMonth from, StatementMonth to) =>
        ((to.Start.Year - from.Start.Year) * 12) + to.Start.Month - from.Start.Month;
}
