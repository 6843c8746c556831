using HousingLedger.Contracts;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// Prices one contract's payable jobs at a run's T (SPEC §6.3–6.5), fed the contract's approved jobs one at a time
/// in approval order. It keeps the contract year's running units and the last job seen, nothing more, so callers
/// reading from storage page by page settle any number of jobs in constant memory. Not thread-safe.
/// </summary>
public sealed class ContractSettlement
{
    private readonly ContractId contractId;
    private readonly ContractTerms terms;
    private readonly SettlementRun run;
    private readonly SupplierLateness lateness;
    private readonly ContractYearVolume volume;
    private JobSummary? previous;

    /// <summary>Settlement of contract <paramref name="contractId"/> in <paramref name="run"/>, with its supplier's <paramref name="lateness"/> at T.</summary>
    public ContractSettlement(ContractId contractId, ContractTerms terms, SettlementRun run, SupplierLateness lateness)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(lateness);
        this.contractId = contractId;
        this.terms = terms;
        this.run = run;
        this.lateness = lateness;
        volume = new ContractYearVolume(terms.Starts);
    }

    /// <summary>The order approved jobs are fed in: approval <c>occurredAt</c>, then jobId by ordinal comparison.</summary>
    public static IComparer<JobSummary> ApprovalOrder { get; } = Comparer<JobSummary>.Create((first, second) =>
    {
        var byTime = first.ApprovedAt!.Value.CompareTo(second.ApprovedAt!.Value);
        return byTime != 0 ? byTime : string.CompareOrdinal(first.JobId.Value, second.JobId.Value);
    });

    /// <summary>
    /// The start of the contract year that <paramref name="instant"/> falls in. Volume is counted afresh each
    /// year, so approvals may be fed from here on, skipping earlier years, when no payable job was approved before it.
    /// </summary>
    public static DateTimeOffset ContractYearStart(ContractTerms terms, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return ContractYearVolume.YearStartOf(terms.Starts, instant);
    }

    /// <summary>
    /// Counts <paramref name="job"/> towards the contract year's volume and prices it if it is payable (state
    /// approved, not <see cref="JobSummary.AlreadySettled"/>). The ordering contract: every job of the contract
    /// approved at or before T (state approved or settled), of every member association and settled or not, from
    /// the start of a contract year on, each once, in strictly increasing order of (approval <c>occurredAt</c>,
    /// jobId by ordinal comparison). Settled jobs are fed too, because earlier approvals count towards the discount.
    /// </summary>
    /// <returns>The job priced, or null for a job settled already (counted, not paid).</returns>
    /// <exception cref="ArgumentException">
    /// The job is out of order or repeated, belongs to another contract or supplier, was never approved, is
    /// neither approved nor settled, was approved after T or before the contract started, or is payable and
    /// names an item the contract lacks. Each is a bug in the caller.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">Its quantity is below 1.</exception>
    public SettledJob? Add(JobSummary job)
    {
        SettlementChecks.RequireOfContract(job, contractId, terms, nameof(job));
        var approvedAt = RequireApprovedBy(job, run.AsOf);
        RequireAfter(previous, job);
        var cumulativeUnits = volume.Add(job.JobId, approvedAt, job.Quantity);
        previous = job;
        return job.State == JobState.Approved && !job.AlreadySettled
            ? new SettledJob(job, JobPricing.Price(terms, job.ItemCode, job.Quantity, cumulativeUnits, lateness, run.FeePerJob))
            : null;
    }

    private static DateTimeOffset RequireApprovedBy(JobSummary job, DateTimeOffset asOf) => job switch
    {
        { ApprovedAt: { } approvedAt, State: JobState.Approved or JobState.Settled } when approvedAt <= asOf => approvedAt,
        { ApprovedAt: { } approvedAt, State: JobState.Approved or JobState.Settled } => throw new ArgumentException(
            $"Job {job.JobId} was approved {Describe(approvedAt)}, after the run's as-of time {Describe(asOf)}; stop reading at the first such job.",
            nameof(job)),
        _ => throw new ArgumentException(
            $"Job {job.JobId} is {job.State} with approval {Describe(job.ApprovedAt)}; only approved or settled jobs, with their approval time, are counted for volume.",
            nameof(job)),
    };

    private static void RequireAfter(JobSummary? previous, JobSummary job)
    {
        if (previous is not null && ApprovalOrder.Compare(previous, job) >= 0)
        {
            throw new ArgumentException(
                $"Jobs must arrive in strictly increasing (approval occurredAt, jobId) order, each once; job {job.JobId} approved {Describe(job.ApprovedAt)} came after job {previous.JobId} approved {Describe(previous.ApprovedAt)}.",
                nameof(job));
        }
    }

    private static string Describe(DateTimeOffset? instant) => instant is { } value ? UtcTimestamp.Format(value) : "none";
}
