using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// What settlement needs to know of one job (SPEC §6), as its events have left it: a compact view the caller
/// builds from storage, so the engine never touches storage types. Immutable and thread-safe.
/// </summary>
/// <param name="JobId">The job's id; with <paramref name="ApprovedAt"/> it orders volume discounts.</param>
/// <param name="AssociationId">The association that raised it, and pays for it.</param>
/// <param name="ContractId">The contract whose terms price it.</param>
/// <param name="SupplierId">The contract's supplier.</param>
/// <param name="ItemCode">The contract item ordered.</param>
/// <param name="Quantity">Units of that item, at least 1.</param>
/// <param name="Deadline">When the work was due; decides lateness.</param>
/// <param name="State">Where the job stands. Only an <see cref="JobState.Approved"/> job is payable; a
/// <see cref="JobState.Cancelled"/> one never counts towards lateness.</param>
/// <param name="ApprovedAt">The <c>occurredAt</c> of its <c>job.approved</c>; null if it was never approved.</param>
/// <param name="FirstCompletedAt">The <c>occurredAt</c> of its first <c>job.completed</c>, kept through a dispute
/// and a second completion; null if it was never completed.</param>
/// <param name="AlreadySettled">
/// A <c>job.settled</c> transaction exists for it. Its state may still read approved when a run appended that
/// transaction and stopped before updating the job, so settlement asks this flag, not only the state.
/// </param>
public sealed record JobSummary(
    JobId JobId,
    AssociationId AssociationId,
    ContractId ContractId,
    SupplierId SupplierId,
    string ItemCode,
    int Quantity,
    DateTimeOffset Deadline,
    JobState State,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? FirstCompletedAt,
    bool AlreadySettled)
{
    /// <summary>The view of <paramref name="job"/>; <paramref name="settledOnLedger"/> says whether a <c>job.settled</c> exists for it.</summary>
    public static JobSummary Of(Job job, bool settledOnLedger)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobSummary(
            job.JobId,
            job.AssociationId,
            job.ContractId,
            job.SupplierId,
            job.ItemCode,
            job.Quantity,
            job.Deadline,
            job.State,
            job.ApprovedAt,
            job.FirstCompletedAt,
            settledOnLedger || job.State == JobState.Settled);
    }
}
