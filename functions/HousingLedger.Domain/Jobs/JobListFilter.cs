using HousingLedger.Values;

namespace HousingLedger.Jobs;

/// <summary>
/// Which of an association's jobs a list shows (SPEC §13: state, supplier, contract, priority, overdue); a null
/// criterion lets every job through. The raised-between criterion is not here: the list's keys are in raised
/// order, so the store answers it with a key range rather than by looking at each job. Immutable.
/// </summary>
public sealed record JobListFilter(JobState? State, SupplierId? SupplierId, ContractId? ContractId, Priority? Priority, bool? Overdue)
{
    /// <summary>Whether <paramref name="job"/> passes every criterion at <paramref name="now"/> (overdue is a matter of time).</summary>
    public bool Matches(Job job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        return (State is null || job.State == State)
            && (SupplierId is null || job.SupplierId == SupplierId)
            && (ContractId is null || job.ContractId == ContractId)
            && (Priority is null || job.Priority == Priority)
            && (Overdue is null || JobAttention.IsOverdue(job, now) == Overdue);
    }
}
