using HousingLedger.Values;
using static HousingLedger.Audit.AuditScenarios;

namespace HousingLedger.Audit;

/// <summary>The operator's fee on each <c>job.settled</c> (SPEC §6.6), which no chain records the rule for.</summary>
public sealed class FeeCheckTests
{
    [Fact]
    public void ExpectedFeeGiven_EveryJobChargedOtherwiseIsNamed()
    {
        var (riverside, meadow) = Shared();

        var findings = new FeeCheck(Money.FromPence(30)).Check(ChainsUnderAudit.Read([riverside.Transactions, meadow.Transactions]));

        Assert.Equal(
            ["job_r1 25 → 30", "job_r2 25 → 30", "job_m1 25 → 30", "job_m2 25 → 30"],
            findings.Cast<AuditFinding.Difference>().Select(d => $"{d.JobId} {d.Recorded} → {d.Rederived}"));
    }

    [Fact]
    public void ExpectedFeeGiven_AndCharged_Holds() =>
        Assert.Empty(new FeeCheck(Money.FromPence(25)).Check(ChainsUnderAudit.Read([Solo().Transactions])));

    [Fact]
    public void NoExpectedFee_AJobChargedUnlikeTheRestOfItsRun_IsNamed()
    {
        // job_r2 and Meadow's two jobs were settled by run_2: 25p on two of the three makes 25p the run's fee.
        var (riverside, meadow) = Shared();
        var altered = riverside.With("job.settled", "job_r2", tx => AuditChain.WithData(tx, data => data["fee"] = 40));

        FindingsAssert.Differences(Recompute(altered, meadow), "assoc_riverside job_r2 fee: 40 → 25");
    }

    [Fact]
    public void NoExpectedFee_RunsWithDifferentFees_EachHold()
    {
        // run_1 charged 40p on its one job, run_2 25p on each of its three: the fee may change between runs.
        var (riverside, meadow) = Shared();
        var altered = riverside.With("job.settled", "job_r1", tx => AuditChain.WithData(tx, data => data["fee"] = 40));

        Assert.Empty(new FeeCheck(null).Check(ChainsUnderAudit.Read([altered.Transactions, meadow.Transactions])));
    }
}
