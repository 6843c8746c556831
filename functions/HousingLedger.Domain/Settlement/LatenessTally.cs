using HousingLedger.Contracts;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// Counts a supplier's lateness under one contract at T (SPEC §6.4) one job at a time, for callers that read the
/// contract's jobs as they come (from storage, page by page) rather than hand over a sequence. Not thread-safe.
/// </summary>
public sealed class LatenessTally
{
    private readonly ContractId contractId;
    private readonly ContractTerms terms;
    private readonly DateTimeOffset asOf;
    private int inScope;
    private int late;

    /// <summary>A tally for contract <paramref name="contractId"/> at <paramref name="asOf"/> (T), with nothing counted yet.</summary>
    public LatenessTally(ContractId contractId, ContractTerms terms, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(terms);
        this.contractId = contractId;
        this.terms = terms;
        this.asOf = asOf;
        WindowStart = asOf.AddMonths(-terms.LatePenalty.Window.TotalMonths);
    }

    /// <summary>T − the window in calendar months: the open start of (T − window, T], the deadlines in scope.</summary>
    public DateTimeOffset WindowStart { get; }

    /// <summary>The lateness counted so far.</summary>
    public SupplierLateness Lateness => new(late, inScope);

    /// <summary>
    /// Counts <paramref name="job"/>, a job of the contract not added before. One due outside the window, or
    /// cancelled, is passed over. One in scope is late if its first completion at or before T came after its
    /// deadline, or it has no completion at or before T: its deadline is then at or before T, so it has passed,
    /// and whenever it is completed, that will be after the deadline. A completion exactly at the deadline is on time.
    /// </summary>
    /// <exception cref="ArgumentException">The job belongs to another contract or supplier.</exception>
    public void Add(JobSummary job)
    {
        SettlementChecks.RequireOfContract(job, contractId, terms, nameof(job));
        if (job.State == JobState.Cancelled || job.Deadline <= WindowStart || job.Deadline > asOf)
        {
            return;
        }

        inScope++;
        if (IsLate(job, asOf))
        {
            late++;
        }
    }

    /// <summary>
    /// Whether a job due at or before <paramref name="asOf"/> is late then: no first completion by then, or one after
    /// its deadline. A completion exactly at the deadline is on time.
    /// </summary>
    public static bool IsLate(JobSummary job, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.FirstCompletedAt is not { } completed || completed > asOf || completed > job.Deadline;
    }
}
