using static HousingLedger.Audit.AuditScenarios;

namespace HousingLedger.Audit;

/// <summary>Recomputing a contract two associations share: pooled volume and lateness (SPEC §6.3, §6.4, §14).</summary>
public sealed class RecomputeSharedContractTests
{
    [Fact]
    public void BothMembersExports_PooledFiguresAllHold()
    {
        var (riverside, meadow) = Shared();

        var outcome = Recompute(riverside, meadow);

        FindingsAssert.AllHold(outcome);
        Assert.Equal(4, outcome.SettlementsChecked);
    }

    [Fact]
    public void ExportsGivenInEitherOrder_ComeToTheSameFindings()
    {
        var (riverside, meadow) = Shared();

        FindingsAssert.AllHold(Recompute(meadow, riverside));
    }

    [Fact]
    public void MembersApprovalMovedLater_TheDiscountTierItCrossesIsReported()
    {
        var (riverside, meadow) = Shared();

        FindingsAssert.Differences(
            Recompute(riverside, WithApprovalMoved(meadow)),
            "assoc_riverside job_r2 cumulativeUnits: 7 → 5",
            "assoc_meadow job_m1 discountRate: \"0\" → \"0.05\"",
            "assoc_meadow job_m1 cumulativeUnits: 4 → 7",
            "assoc_meadow job_m1 net: 69000 → 65550",
            "assoc_meadow job_m1 vat: 13800 → 13110",
            "assoc_meadow job_m1 payable: 82800 → 78660");
    }

    [Fact]
    public void MembersLateCompletion_ChangesThePooledLatenessOfBothMembers()
    {
        // Meadow's job_m2, due 30 May 09:00, completed 31 May instead: 1 late of 5 in scope is 20%, so p = 0.20 for
        // every job of the run, Riverside's job_r2 (59850 × 0.8 = 47880) as much as Meadow's own.
        var (riverside, meadow) = Shared();
        var altered = meadow.With("job.completed", "job_m2", tx => AuditChain.OccurredAt(tx, At(5, 31, 11)));

        var differences = FindingsAssert.Differences(Recompute(riverside, altered));

        Assert.Contains("assoc_riverside job_r2 lateJobs: 0 → 1", differences);
        Assert.Contains("assoc_riverside job_r2 net: 59850 → 47880", differences);
        Assert.Contains("assoc_meadow job_m1 penaltyRate: \"0\" → \"0.2\"", differences);
    }

    [Fact]
    public void MembersExportMissing_PooledFiguresCannotBeChecked_OncePerContract()
    {
        var (riverside, _) = Shared();

        var outcome = Recompute(riverside);

        Assert.IsType<RecomputeOutcome.NotAllChecked>(outcome);
        var finding = Assert.Single(outcome.Findings);
        var cannotCheck = Assert.IsType<AuditFinding.CannotCheck>(finding);
        Assert.Equal("contract con_cookers", cannotCheck.Subject);
        Assert.StartsWith("held by assoc_meadow, whose export was not given", cannotCheck.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnersExportMissing_TheMembersArithmeticIsStillChecked()
    {
        var (_, meadow) = Shared();
        var altered = meadow.With("job.settled", "job_m2", tx => AuditChain.WithData(tx, data =>
        {
            data["net"] = 34500;
            data["payable"] = 34500 + 6555;
        }));

        var outcome = Recompute(altered);

        Assert.Contains(outcome.Findings, finding => finding is AuditFinding.CannotCheck { Subject: "contract con_cookers" } cannot
            && cannot.Reason.StartsWith("held by assoc_riverside,", StringComparison.Ordinal));
        FindingsAssert.Differences(outcome, "assoc_meadow job_m2 net: 34500 → 32775", "assoc_meadow job_m2 payable: 41055 → 39330");
    }
}
