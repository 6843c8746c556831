using HousingLedger.Values;
using HousingLedger.Contracts;

namespace HousingLedger.Settlement;

/// <summary>
/// Settles one contract's payable jobs at a run's as-of time T (SPEC §6), streaming: it holds one job at a time
/// and a few running counts, never the contract's whole history, so a contract of millions of jobs settles in
/// constant memory. Thread-safe; the clock is the run's as-of time.
/// </summary>
public static class SettlementEngine
{
    /// <summary>
    /// Prices every payable job of contract <paramref name="contractId"/>: state approved, approval
    /// <c>occurredAt</c> ≤ T, not <see cref="JobSummary.AlreadySettled"/>. Nothing is read until the result is
    /// enumerated, and it is read once: first <paramref name="jobsForLateness"/> in full, for the supplier's
    /// lateness at T (see <see cref="SupplierLateness.Count"/>), then <paramref name="approvedInApprovalOrder"/>
    /// one job at a time, yielding each payable job as it is priced.
    /// </summary>
    /// <param name="contractId">The contract settled.</param>
    /// <param name="terms">Its terms.</param>
    /// <param name="run">T and the fee per job.</param>
    /// <param name="approvedInApprovalOrder">
    /// The ordering contract of <see cref="ContractSettlement.Add"/>: every job of the contract approved (state
    /// approved or settled), of every member association and settled or not, from the start of a contract year on
    /// (see <see cref="ContractSettlement.ContractYearStart"/>), in strictly increasing (approval <c>occurredAt</c>,
    /// jobId) order. Jobs approved after T may be left out; reading stops at the first one.
    /// </param>
    /// <param name="jobsForLateness">The contract's jobs, each once, in any order: all of them or only those due in the penalty window.</param>
    /// <returns>The payable jobs, priced, in approval order.</returns>
    /// <exception cref="ArgumentException">
    /// On enumeration: a job is out of order or repeated, belongs to another contract or supplier, was never
    /// approved or is neither approved nor settled, was approved before the contract started, or is payable and
    /// names an item the contract lacks. Each is a bug in the caller; what was priced before it has been yielded already.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">On enumeration: an approved job's quantity is below 1.</exception>
    public static IEnumerable<SettledJob> SettleContract(
        ContractId contractId,
        ContractTerms terms,
        SettlementRun run,
        IEnumerable<JobSummary> approvedInApprovalOrder,
        IEnumerable<JobSummary> jobsForLateness)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(approvedInApprovalOrder);
        ArgumentNullException.ThrowIfNull(jobsForLateness);
        return Settle(contractId, terms, run, approvedInApprovalOrder, jobsForLateness);
    }

    private static IEnumerable<SettledJob> Settle(
        ContractId contractId, ContractTerms terms, SettlementRun run, IEnumerable<JobSummary> approvedInApprovalOrder, IEnumerable<JobSummary> jobsForLateness)
    {
        var settlement = new ContractSettlement(contractId, terms, run, SupplierLateness.Count(contractId, terms, run.AsOf, jobsForLateness));
        foreach (var job in approvedInApprovalOrder)
        {
            if (job?.ApprovedAt > run.AsOf)
            {
                yield break;
            }

            if (settlement.Add(job!) is { } settled)
            {
                yield return settled;
            }
        }
    }
}
