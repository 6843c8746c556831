using System.Globalization;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// Checks the operator's fee recorded on each <c>job.settled</c> (SPEC §6.6). The fee per job is configuration
/// (<c>Settlement:FeePerJobPence</c>), not on any chain, so it cannot be re-derived from the exports: when the
/// auditor knows it (<c>hl recompute --fee-per-job-pence</c>), every fee must equal it; otherwise every fee of one
/// run must agree, and a job whose fee is not the one most of its run's jobs carry is named (the earliest fee in
/// chain order wins a tie). A run is known by the <c>runId</c> on its batches' <c>batch.created</c>; a job whose
/// batch is not among the exports is compared within its batch. Thread-safe.
/// </summary>
/// <param name="expectedPerJob">The fee the auditor expects on every job, or null to compare fees within each run.</param>
public sealed class FeeCheck(Money? expectedPerJob) : IAuditCheck
{
    public IEnumerable<AuditFinding> Check(ChainsUnderAudit chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        var priced = chains.Settlements.Where(settled => settled.Price.IsValid);
        return expectedPerJob is { } expected
            ? Differing(priced, expected)
            : priced.GroupBy(settled => RunOf(chains, settled)).SelectMany(run => Differing(run, RunFee(run)));
    }

    private static IEnumerable<AuditFinding> Differing(IEnumerable<RecordedSettlement> settled, Money expected) =>
        settled
            .Where(job => job.Price.Value.Fee != expected)
            .Select(job => new AuditFinding.Difference(job.Chain, job.JobId, "fee", Pence(job.Price.Value.Fee), Pence(expected)));

    // As the ledger writes an amount: whole pence.
    private static string Pence(Money amount) => amount.Pence.ToString(CultureInfo.InvariantCulture);

    private static Money RunFee(IEnumerable<RecordedSettlement> run) =>
        run.GroupBy(settled => settled.Price.Value.Fee).OrderByDescending(fee => fee.Count()).First().Key;

    private static string RunOf(ChainsUnderAudit chains, RecordedSettlement settled) =>
        settled.BatchId is { } batchId && chains.Batches.TryGetValue(batchId, out var batch) ? "run " + batch.RunId : $"batch {settled.BatchId} on {settled.Chain}";
}
