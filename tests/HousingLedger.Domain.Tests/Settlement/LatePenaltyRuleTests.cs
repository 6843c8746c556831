using HousingLedger.Contracts;
using HousingLedger.Jobs;
using HousingLedger.Values;
using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>SPEC §6.4 at its edges: which jobs are in scope at T, which of them were late, and when the penalty applies.</summary>
public sealed class LatePenaltyRuleTests
{
    private static readonly DateTimeOffset WindowStart = At(2025, 6, 1, 2);

    private static SupplierLateness Count(params JobSummary[] jobs) => SupplierLateness.Count(Contract, Terms, AsOf, jobs);

    [Fact]
    public void Deadline_ExactlyAtTheWindowsStart_IsOutOfScope() =>
        Assert.Equal(new SupplierLateness(0, 0), Count(Due("job_a", WindowStart, firstCompletedAt: WindowStart)));

    [Fact]
    public void Deadline_JustAfterTheWindowsStart_IsInScope() =>
        Assert.Equal(new SupplierLateness(0, 1), Count(Due("job_a", WindowStart.AddTicks(1), firstCompletedAt: WindowStart)));

    [Fact]
    public void Deadline_ExactlyAtAsOf_IsInScope() =>
        Assert.Equal(new SupplierLateness(0, 1), Count(Due("job_a", AsOf, firstCompletedAt: AsOf)));

    [Fact]
    public void Deadline_AfterAsOf_IsOutOfScope_EvenWithNoCompletion() =>
        Assert.Equal(new SupplierLateness(0, 0), Count(Due("job_a", AsOf.AddTicks(1), state: JobState.Accepted)));

    [Fact]
    public void Window_IsCalendarMonths_SoItEndsOnTheSameDayOfAnEarlierMonth()
    {
        var asOf = At(2026, 3, 31, 12);
        var terms = TermsWith(change: body => body["latePenalty"]!["window"] = "P1M");

        var lateness = SupplierLateness.Count(Contract, terms, asOf, [Due("job_in", At(2026, 2, 28, 12, 0, 1), At(2026, 2, 1)), Due("job_out", At(2026, 2, 28, 12), At(2026, 2, 1))]);

        Assert.Equal(new SupplierLateness(0, 1), lateness);
    }

    [Fact]
    public void CompletionExactlyAtTheDeadline_IsOnTime_AndATickLaterIsLate()
    {
        var deadline = At(2026, 5, 1, 9);

        Assert.Equal(new SupplierLateness(0, 1), Count(Due("job_a", deadline, firstCompletedAt: deadline)));
        Assert.Equal(new SupplierLateness(1, 1), Count(Due("job_a", deadline, firstCompletedAt: deadline.AddTicks(1))));
    }

    [Theory]
    [InlineData(JobState.Raised)]
    [InlineData(JobState.Accepted)]
    public void NoCompletion_AndTheDeadlinePassed_IsLate(JobState state) =>
        Assert.Equal(new SupplierLateness(1, 1), Count(Due("job_a", At(2026, 5, 1), state: state)));

    [Fact]
    public void NoCompletion_AndTheDeadlineExactlyAtAsOf_IsLate_BecauseAnyLaterCompletionIsAfterIt() =>
        Assert.Equal(new SupplierLateness(1, 1), Count(Due("job_a", AsOf, state: JobState.Accepted)));

    [Fact]
    public void CompletionAfterAsOf_DoesNotCount_SoAJobDueBeforeItIsLate() =>
        Assert.Equal(new SupplierLateness(1, 1), Count(Due("job_a", At(2026, 5, 1), firstCompletedAt: AsOf.AddSeconds(1))));

    [Fact]
    public void DisputedThenCompletedAgainAfterTheDeadline_IsOnTime_BecauseTheFirstCompletionCounts()
    {
        var job = JobLifecycle.Raise(new JobRequest(Ids.Job("job_a"), Ids.Association("assoc_riverside"), Contract, Oven, 1, "emergency", "100023336956", At(2026, 5, 1, 8)), Terms, AsOf).Value;
        foreach (var (eventType, at) in new[]
        {
            (JobEventTypes.Accepted, At(2026, 5, 1, 9)),
            (JobEventTypes.Completed, At(2026, 5, 1, 20)),
            (JobEventTypes.Disputed, At(2026, 5, 3)),
            (JobEventTypes.Completed, At(2026, 5, 10)),
        })
        {
            job = Assert.IsType<JobEventOutcome.Applied>(JobLifecycle.Apply(job, eventType, at, AsOf)).Next;
        }

        Assert.Equal(At(2026, 5, 2, 8), job.Deadline);
        Assert.Equal(new SupplierLateness(0, 1), Count(JobSummary.Of(job, settledOnLedger: false)));
    }

    [Fact]
    public void CancelledJobs_AreNotInScope_EvenWhenNeverCompleted() =>
        Assert.Equal(new SupplierLateness(0, 0), Count(Due("job_a", At(2026, 5, 1), state: JobState.Cancelled)));

    [Fact]
    public void Count_JobsInAnyOrder_CountsEachJobInScope()
    {
        var lateness = Count(
            Due("job_c", At(2026, 5, 3), At(2026, 5, 2)),
            Due("job_a", At(2026, 5, 1), At(2026, 5, 4)),
            Due("job_b", At(2026, 5, 2), state: JobState.Accepted),
            Due("job_d", At(2024, 5, 2), state: JobState.Accepted));

        Assert.Equal(new SupplierLateness(2, 3), lateness);
    }

    [Fact]
    public void Count_JobOfAnotherContract_Throws() =>
        Assert.Throws<ArgumentException>(() => Count(Due("job_a", At(2026, 5, 1)) with { ContractId = Ids.Contract("con_other") }));

    [Fact]
    public void Count_JobOfAnotherSupplier_Throws() =>
        Assert.Throws<ArgumentException>(() => Count(Due("job_a", At(2026, 5, 1)) with { SupplierId = Ids.Supplier("sup_other") }));

    [Theory]
    [InlineData(1, 10, "0.2")]
    [InlineData(10, 100, "0.2")]
    [InlineData(2, 10, "0.2")]
    [InlineData(1, 11, "0")]
    [InlineData(99, 1000, "0")]
    [InlineData(0, 10, "0")]
    public void Penalty_AppliesFromExactlyTheThreshold(int late, int inScope, string penalty) =>
        Assert.Equal(penalty, new SupplierLateness(late, inScope).PenaltyRate(Terms.LatePenalty).ToString());

    [Theory]
    [InlineData("0.3333333333", "0.2")]
    [InlineData("0.3333333334", "0")]
    public void Penalty_ComparesTheRatioExactly_WithNoRounding(string threshold, string penalty) =>
        Assert.Equal(penalty, new SupplierLateness(1, 3).PenaltyRate(PenaltyOf(threshold)).ToString());

    [Fact]
    public void NoJobsInScope_IsARatioOfZero_SoNoPenalty() =>
        Assert.Equal(Rate.Zero, new SupplierLateness(0, 0).PenaltyRate(Terms.LatePenalty));

    [Fact]
    public void NoJobsInScope_UnderAThresholdOfZero_StillMeetsIt_AsTheSpecReads() =>
        Assert.Equal("0.2", new SupplierLateness(0, 0).PenaltyRate(PenaltyOf("0")).ToString());

    [Fact]
    public void Engine_AppliesThePenaltyAtExactlyTenPercentLate_ToEveryPayableJob()
    {
        var forLateness = Enumerable.Range(0, 10).Select(i => Due($"job_d{i}", At(2026, 5, 1 + i), i == 0 ? null : At(2026, 4, 30), JobState.Completed));

        var settled = Settle([Approved("job_a", At(2026, 5, 20)), Approved("job_b", At(2026, 5, 21))], forLateness);

        Assert.All(settled, job =>
        {
            Assert.Equal((1, 10), (job.Price.LateJobs, job.Price.JobsInScope));
            Assert.Equal("0.2", job.Price.PenaltyRate.ToString());
            Assert.Equal(27_600, job.Price.Net.Pence);
        });
    }

    [Fact]
    public void Engine_SparesTheSupplierJustUnderTenPercentLate()
    {
        var forLateness = Enumerable.Range(0, 11).Select(i => Due($"job_d{i}", At(2026, 5, 1 + i), i == 0 ? null : At(2026, 4, 30), JobState.Completed));

        var job = Assert.Single(Settle([Approved("job_a", At(2026, 5, 20))], forLateness));

        Assert.Equal((1, 11, "0"), (job.Price.LateJobs, job.Price.JobsInScope, job.Price.PenaltyRate.ToString()));
        Assert.Equal(34_500, job.Price.Net.Pence);
    }

    private static LatePenalty PenaltyOf(string threshold) =>
        new(IsoDuration.Parse("P12M"), Rate.TryParse(threshold, out var rate) ? rate : throw new FormatException(threshold), Rate.FromDecimal(0.2m));
}
