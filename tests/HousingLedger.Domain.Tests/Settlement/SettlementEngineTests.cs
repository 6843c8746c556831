using HousingLedger.Jobs;
using HousingLedger.Values;
using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>SPEC §6.1 and the engine's contract with its caller: which jobs it pays, and what input it refuses.</summary>
public sealed class SettlementEngineTests
{
    [Fact]
    public void JobApprovedExactlyAtAsOf_IsPayable_AndOneTickLaterIsNot()
    {
        var settled = Settle([Approved("job_a", AsOf), Approved("job_b", AsOf.AddTicks(1))]);

        Assert.Equal(["job_a"], settled.Select(job => job.Job.JobId.Value));
    }

    [Fact]
    public void JobMarkedSettled_WhileItsStateStillReadsApproved_IsNotPaidAgain_ButCounts()
    {
        var settled = Settle([Approved("job_a", At(2026, 2, 1), quantity: 100, alreadySettled: true), Approved("job_b", At(2026, 2, 2))]);

        Assert.Equal(101, Only(settled, "job_b").Price.CumulativeUnits);
        Assert.DoesNotContain(settled, job => job.Job.JobId.Value == "job_a");
    }

    [Fact]
    public void JobInStateSettled_IsNotPaidAgain()
    {
        var settled = Settle([Approved("job_a", At(2026, 2, 1)) with { State = JobState.Settled }]);

        Assert.Empty(settled);
    }

    [Fact]
    public void SettledJobs_ComeInApprovalOrder_WithTheFeeRecordedBesideThePayment()
    {
        var settled = Settle([Approved("job_b", At(2026, 2, 1)), Approved("job_a", At(2026, 2, 2))]);

        Assert.Equal(["job_b", "job_a"], settled.Select(job => job.Job.JobId.Value));
        Assert.All(settled, job =>
        {
            Assert.Equal(Fee, job.Price.Fee);
            Assert.Equal(41_400, job.Price.Payable.Pence);
        });
    }

    [Fact]
    public void SpecExample_OneOvenOnTime_IsPaidInFullWithVat()
    {
        var price = Assert.Single(Settle([Approved("job_a", At(2026, 2, 1))], [Due("job_a", At(2026, 2, 2), At(2026, 1, 31, 23))])).Price;

        Assert.Equal(
            new PriceBreakdown(Money.FromPence(34_500), Rate.Zero, 1, Rate.Zero, 0, 1, Money.FromPence(34_500), Money.FromPence(6_900), Fee),
            price);
    }

    [Fact]
    public void SettleContract_ReadsNothingUntilEnumerated()
    {
        var settled = SettlementEngine.SettleContract(Contract, Terms, new SettlementRun(AsOf, Fee), Unreadable(), Unreadable());

        Assert.Throws<InvalidOperationException>(() => settled.First());
    }

    [Fact]
    public void JobsApprovedAfterAsOf_AreNotRead_OnceTheFirstIsReached()
    {
        var settled = Settle(new[] { Approved("job_a", At(2026, 2, 1)), Approved("job_b", AsOf.AddDays(1)) }.Concat(Unreadable()));

        Assert.Equal(["job_a"], settled.Select(job => job.Job.JobId.Value));
    }

    [Fact]
    public void JobsOutOfApprovalOrder_Throw_NamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => Settle([Approved("job_a", At(2026, 2, 2)), Approved("job_b", At(2026, 2, 1))]));

        Assert.Contains("job_b", error.Message, StringComparison.Ordinal);
        Assert.Contains("job_a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JobsAtTheSameInstant_OutOfJobIdOrder_Throw() =>
        Assert.Throws<ArgumentException>(() => Settle([Approved("job_b", At(2026, 2, 1)), Approved("job_a", At(2026, 2, 1))]));

    [Fact]
    public void SameJobTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => Settle([Approved("job_a", At(2026, 2, 1)), Approved("job_a", At(2026, 2, 1))]));

    [Theory]
    [InlineData(JobState.Completed)]
    [InlineData(JobState.Cancelled)]
    public void JobNeitherApprovedNorSettled_AmongTheApproved_Throws(JobState state) =>
        Assert.Throws<ArgumentException>(() => Settle([Approved("job_a", At(2026, 2, 1)) with { State = state }]));

    [Fact]
    public void JobWithNoApprovalTime_AmongTheApproved_Throws() =>
        Assert.Throws<ArgumentException>(() => Settle([Approved("job_a", At(2026, 2, 1)) with { ApprovedAt = null }]));

    [Fact]
    public void JobOfAnotherContract_Throws() =>
        Assert.Throws<ArgumentException>(() => Settle([Approved("job_a", At(2026, 2, 1)) with { ContractId = Ids.Contract("con_other") }]));

    [Fact]
    public void JobApprovedBeforeTheContractStarted_Throws() =>
        Assert.Throws<ArgumentException>(() => Settle([Approved("job_a", At(2025, 12, 31, 23, 59, 59))]));

    [Fact]
    public void JobForAnItemTheContractLacks_Throws() =>
        Assert.Throws<ArgumentException>(() => Settle([Approved("job_a", At(2026, 2, 1), itemCode: "FRIDGE")]));

    [Fact]
    public void JobWithNoUnits_EvenOneSettledEarlier_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Settle([Approved("job_a", At(2026, 2, 1), quantity: 0, alreadySettled: true)]));

    [Fact]
    public void Run_WithANegativeFee_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SettlementRun(AsOf, Money.FromPence(-1)));

    [Fact]
    public void Summary_OfASettledJob_IsMarkedSettled_WhateverTheCallerSays()
    {
        var job = SampleJobs.In(JobState.Settled);

        Assert.True(JobSummary.Of(job, settledOnLedger: false).AlreadySettled, "a job in state settled was not marked settled");
        Assert.Equal(job.ApprovedAt, JobSummary.Of(job, settledOnLedger: false).ApprovedAt);
    }

    // Throws when its first job is read.
    private static IEnumerable<JobSummary> Unreadable() =>
        Enumerable.Range(0, 1).Select<int, JobSummary>(_ => throw new InvalidOperationException("this input was read"));
}
