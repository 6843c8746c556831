using HousingLedger.Ledger;
using static HousingLedger.Audit.AuditScenarios;

namespace HousingLedger.Audit;

/// <summary>Reading exports into the model every check shares, and naming what cannot be relied on.</summary>
public sealed class ChainsUnderAuditTests
{
    [Fact]
    public void Read_KeepsContractsHoldersJobsSettlementsAndBatches()
    {
        var (riverside, meadow) = Shared();

        var chains = ChainsUnderAudit.Read([riverside.Transactions, meadow.Transactions]);

        Assert.Empty(chains.Irregularities);
        Assert.Equal([Meadow, Riverside], chains.ChainsGiven.Order(StringComparer.Ordinal));
        var contract = Assert.Single(chains.Contracts.Values);
        Assert.Equal([Meadow, Riverside], contract.Holders.Select(holder => holder.Value).Order(StringComparer.Ordinal));
        Assert.Equal(7, chains.Jobs.Count);
        Assert.Equal(["job_r1", "job_r2", "job_m1", "job_m2"], chains.Settlements.Select(settled => settled.JobId.Value));
        Assert.Equal(["pb_m2", "pb_r1", "pb_r2"], chains.Batches.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void JobView_IsTheJobAsRecordedBeforeAnInstant()
    {
        var job = ChainsUnderAudit.Read([Solo().Transactions]).Jobs[Values.TypedId.Parse<Values.JobId>("job_s1")];

        Assert.Null(job.AsRecordedBefore(At(3, 1, 9, 1)));
        Assert.Equal(Jobs.JobState.Raised, job.AsRecordedBefore(At(3, 1, 9, 2))!.State);
        Assert.Equal(At(3, 6, 10), job.AsRecordedBefore(At(4, 1, 2, 10))!.ApprovedAt);
        Assert.Equal(Jobs.JobState.Settled, job.AsRecordedBefore(DateTimeOffset.MaxValue)!.State);
    }

    [Fact]
    public void TermsThatDoNotHashToTheirRecordedHash_AreIrregular()
    {
        var altered = Solo().With("contract.registered", "con_solo", tx => AuditChain.WithData(tx, data => data["terms"]!["vatRate"] = "0.15"));

        var irregular = ChainsUnderAudit.Read([altered.Transactions]).Irregularities;

        Assert.Contains(irregular, finding => finding.Field == "data.termsHash" && finding.Problem.StartsWith("recorded " + Terms.TermsHash, StringComparison.Ordinal));
    }

    [Fact]
    public void DeadlineOtherThanTheTermsGive_IsIrregular_AndTheTermsDeadlineIsUsed()
    {
        var altered = Solo().With("job.raised", "job_s3", tx => AuditChain.WithData(tx, data => data["deadline"] = "2026-04-30T09:00:00Z"));

        var outcome = Recompute(altered);

        var finding = Assert.IsType<AuditFinding.Irregularity>(Assert.Single(outcome.Findings));
        Assert.Equal("irregular: assoc_riverside evt_010 data.deadline: recorded 2026-04-30T09:00:00Z; the terms give 2026-03-10T09:00:00Z", finding.Describe());
    }

    [Fact]
    public void EventTheLifecycleRefuses_IsIrregular()
    {
        var chain = Solo().Event("job.approved", "job_s3", At(3, 20, 9));

        var finding = Assert.Single(ChainsUnderAudit.Read([chain.Transactions]).Irregularities);

        Assert.Equal("type", finding.Field);
        Assert.Contains("job.approved applies only to a job that is completed", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EventForAJobNotRaisedOnTheChain_IsIrregular()
    {
        var chain = Solo().Event("job.completed", "job_elsewhere", At(3, 20, 9));

        Assert.Equal("subject", Assert.Single(ChainsUnderAudit.Read([chain.Transactions]).Irregularities).Field);
    }

    [Fact]
    public void SameChainGivenTwice_IsReadOnce()
    {
        var solo = Solo().Transactions;

        var chains = ChainsUnderAudit.Read([solo, solo]);

        Assert.Equal("chain", Assert.Single(chains.Irregularities).Field);
        Assert.Equal(2, chains.Settlements.Count);
    }

    [Fact]
    public void SettledDataThatCannotBeRead_IsIrregular_AtEachMember()
    {
        var altered = Solo().With("job.settled", "job_s1", tx => AuditChain.WithData(tx, data =>
        {
            data.Remove("gross");
            data["payable"] = 1;
        }));

        var outcome = Recompute(altered);

        Assert.IsType<RecomputeOutcome.Differs>(outcome);
        Assert.Equal(
            ["data.gross", "data.payable"],
            outcome.Findings.OfType<AuditFinding.Irregularity>().Select(finding => finding.Field));
    }

    [Fact]
    public void TransactionOfAnotherChainInAnExport_IsIrregular()
    {
        var (riverside, meadow) = Shared();

        var chains = ChainsUnderAudit.Read([(IEnumerable<LedgerTransaction>)[.. riverside.Transactions, meadow.Transactions[0]]]);

        Assert.Equal("chain", Assert.Single(chains.Irregularities).Field);
    }
}
