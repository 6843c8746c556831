using HousingLedger.Jobs;
using HousingLedger.Settlement;
using HousingLedger.Values;

namespace HousingLedger.Performance;

public sealed class PunctualityTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ByMonth_ShowsThisMonthAndTheElevenBefore_OldestFirst()
    {
        var months = Punctuality.ByMonth([], Now);
        Assert.Equal(
            ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"],
            months.Select(m => m.Month.ToString()));
        Assert.All(months, m => Assert.Equal((0, 0, 0, null), (m.Due, m.OnTime, m.Late, m.OnTimeRatio)));
    }

    [Fact]
    public void ByMonth_CountsEachJobInItsDeadlinesMonth_AgainstAHandCount()
    {
        var march = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        JobSummary[] jobs =
        [
            Job(march, JobState.Approved, completed: march.AddHours(-1)),    // on time
            Job(march, JobState.Completed, completed: march),                // on time: exactly at the deadline
            Job(march, JobState.Settled, completed: march.AddTicks(1)),      // late: completed after it
            Job(march, JobState.Accepted, completed: null),                  // late: still owed
            Job(march, JobState.Cancelled, completed: null),                 // not counted
            Job(Now.AddDays(3), JobState.Completed, completed: Now.AddDays(-1)), // due this month, not yet decided
            Job(Now.AddMonths(-12), JobState.Raised, completed: null),        // due before the window
            Job(Now.AddMonths(1), JobState.Raised, completed: null),          // due after it
        ];

        var months = Punctuality.ByMonth(jobs, Now).ToDictionary(m => m.Month.ToString());

        var counted = months["2026-03"];
        Assert.Equal((4, 2, 2, 4), (counted.Due, counted.OnTime, counted.Late, counted.Decided));
        Assert.Equal(0.5m, counted.OnTimeRatio);
        Assert.Equal(0.5m, counted.LateRatio);
        var current = months["2026-06"];
        Assert.Equal((1, 0, 0, null), (current.Due, current.OnTime, current.Late, current.OnTimeRatio));
        Assert.Equal(5, months.Values.Sum(m => m.Due));
    }

    [Fact]
    public void ByMonth_CountsLateExactlyAsThePenaltyDoes()
    {
        var deadline = Now.AddDays(-20);
        JobSummary[] jobs =
        [
            Job(deadline, JobState.Approved, completed: deadline.AddDays(-1)),
            Job(deadline, JobState.Approved, completed: deadline.AddDays(1)),
            Job(deadline, JobState.Raised, completed: null),
        ];
        var month = Punctuality.ByMonth(jobs, Now).Single(m => m.Due > 0);
        Assert.Equal(jobs.Count(job => LatenessTally.IsLate(job, Now)), month.Late);
        Assert.Equal(2, month.Late);
    }

    private static JobSummary Job(DateTimeOffset deadline, JobState state, DateTimeOffset? completed) => new(
        Ids.Job("job_" + Guid.NewGuid().ToString("N")), Ids.Association("assoc_riverside"), Ids.Contract("con_cookers"), Ids.Supplier("sup_ovens"),
        "OVEN-600-SINGLE", 1, deadline, state, null, completed, state == JobState.Settled);
}
