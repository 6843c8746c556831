using static HousingLedger.Audit.AuditScenarios;

namespace HousingLedger.Audit;

/// <summary>Recomputing one association's chain under a contract it alone holds (SPEC §14).</summary>
public sealed class RecomputeSingleAssociationTests
{
    [Fact]
    public void CorrectChain_AllHold()
    {
        var outcome = Recompute(Solo());

        FindingsAssert.AllHold(outcome);
        Assert.Equal(2, outcome.SettlementsChecked);
    }

    [Fact]
    public void AlteredNet_IsNamed_WithBothValues()
    {
        FindingsAssert.Differences(
            Recompute(SoloWithNetAltered()),
            "assoc_riverside job_s2 net: 86100 → 78660",
            "assoc_riverside job_s2 payable: 101832 → 94392");
    }

    [Fact]
    public void AlteredCounts_EachDifferenceIsReported_NotOnlyTheFirst()
    {
        var altered = Solo().With("job.settled", "job_s1", tx => AuditChain.WithData(tx, data =>
        {
            data["lateJobs"] = 0;
            data["penaltyRate"] = "0";
            data["net"] = 103500;
            data["vat"] = 20700;
            data["payable"] = 124200;
        }));

        FindingsAssert.Differences(
            Recompute(altered),
            "assoc_riverside job_s1 penaltyRate: \"0\" → \"0.2\"",
            "assoc_riverside job_s1 lateJobs: 0 → 1",
            "assoc_riverside job_s1 net: 103500 → 82800",
            "assoc_riverside job_s1 vat: 20700 → 16560",
            "assoc_riverside job_s1 payable: 124200 → 99360");
    }

    [Fact]
    public void CompletionSyncedAfterTheRun_IsNotCounted_AsTheRunCouldNotSeeIt()
    {
        // job_s3 was in fact done on time, on 9 March, but the supplier's system sent it only on 2 April, after the
        // run: the run judged it late, rightly, with what it had; recomputing must judge as the run did.
        var chain = Solo().Event("job.completed", "job_s3", At(3, 9, 10), recordedAt: At(4, 2, 9));

        FindingsAssert.AllHold(Recompute(chain));
    }

    [Fact]
    public void ApprovalSyncedAfterTheRun_DoesNotCount_TowardsVolume()
    {
        // A job approved on 7 March but recorded only after the run would, counted, have put job_s2 on 9 units. It
        // is routine, due 1 April 09:00, after T, so it is not in the lateness window either.
        var chain = Solo()
            .Raise("job_s4", "con_solo", Terms, Oven, 3, At(3, 4, 9), routine: true)
            .Done("job_s4", At(3, 4, 9), At(3, 6, 9))
            .Event("job.approved", "job_s4", At(3, 7, 9), recordedAt: At(4, 2, 9));

        FindingsAssert.AllHold(Recompute(chain));
    }

    [Fact]
    public void SettledWithoutItsBatchCreated_CannotBeCheckedForCounts_ButArithmeticIs()
    {
        var chain = SoloWithoutBatchCreated()
            .With("job.settled", "job_s2", tx => AuditChain.WithData(tx, data =>
            {
                data["vat"] = 15733;
                data["payable"] = 78660 + 15733;
            }));

        var outcome = Recompute(chain);

        Assert.Equal(
            ["cannot check: job job_s1 on assoc_riverside", "cannot check: job job_s2 on assoc_riverside"],
            outcome.Findings.OfType<AuditFinding.CannotCheck>().Select(finding => $"cannot check: {finding.Subject}"));
        Assert.Contains("no batch.created", outcome.Findings.OfType<AuditFinding.CannotCheck>().First().Reason, StringComparison.Ordinal);
        FindingsAssert.Differences(outcome, "assoc_riverside job_s2 vat: 15733 → 15732", "assoc_riverside job_s2 payable: 94393 → 94392");
    }

    [Fact]
    public void SettledWithoutItsBatchCreated_AndNothingElseWrong_IsNotAllChecked() =>
        Assert.IsType<RecomputeOutcome.NotAllChecked>(Recompute(SoloWithoutBatchCreated()));
}
