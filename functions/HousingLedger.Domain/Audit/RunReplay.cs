using HousingLedger.Settlement;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// Prices a settled job again as its run saw the jobs, with the settlement engine itself (SPEC §6.3–6.5).
/// <para>
/// Why "as the run saw it": <c>occurredAt</c> may lie in the past (systems of record sync late), so an approval or
/// completion that happened before T may have been recorded after the run, and the run could not count it. A run
/// reads the jobs as storage holds them, and storage holds an event from the moment the service records it; so the
/// run's view of a job is the job after every event recorded before the run read it. The engine itself then keeps to
/// T: approvals after T are not counted, completions after T do not save a job from lateness.
/// </para>
/// <para>
/// When the run read: volume is read as the jobs are settled, so for each job its view is the jobs as recorded
/// before its own <c>job.settled</c>; lateness is counted once per contract and run, before the first job of that
/// contract is settled, so its view is the jobs as recorded before the run's first <c>job.settled</c> of the
/// contract. An event recorded while a run was reading, between those moments and the run's reads, may have been
/// seen or not: such a race shows here as a difference to look into, not as proof of a wrong payment.
/// </para>
/// </summary>
internal static class RunReplay
{
    /// <summary>
    /// The price of <paramref name="settled"/>'s job from every holder's jobs, with <paramref name="settled"/>'s
    /// recorded fee; refused at <c>job.settled</c> when the run could not have paid the job at all.
    /// </summary>
    public static Validated<PriceBreakdown> Price(
        ChainsUnderAudit chains, AuditedContract contract, RecordedSettlement settled, RecordedBatch batch, DateTimeOffset latenessCountedBefore)
    {
        var own = chains.Jobs[settled.JobId].AsRecordedBefore(settled.RecordedAt);
        if (own is not { ApprovedAt: { } approvedAt } || approvedAt > batch.AsOf)
        {
            return Validated<PriceBreakdown>.Invalid(
                "job.settled", $"not payable at {UtcTimestamp.Format(batch.AsOf)}: approved {(own?.ApprovedAt is { } at ? UtcTimestamp.Format(at) : "never")} as recorded before it was settled");
        }

        var jobs = chains.JobsOf(contract.ContractId);
        var yearStart = ContractSettlement.ContractYearStart(contract.Terms, approvedAt);
        var approvals = jobs
            .Select(job => job.AsRecordedBefore(settled.RecordedAt))
            .OfType<JobSummary>()
            .Where(view => view.ApprovedAt >= yearStart && ContractSettlement.ApprovalOrder.Compare(view, own) <= 0)
            .Order(ContractSettlement.ApprovalOrder);
        var forLateness = jobs.Select(job => job.AsRecordedBefore(latenessCountedBefore)).OfType<JobSummary>();
        var run = new SettlementRun(batch.AsOf, settled.Price.Value.Fee);
        var priced = SettlementEngine.SettleContract(contract.ContractId, contract.Terms, run, approvals, forLateness)
            .Single(job => job.Job.JobId == settled.JobId);
        return Validated<PriceBreakdown>.Valid(priced.Price);
    }
}
