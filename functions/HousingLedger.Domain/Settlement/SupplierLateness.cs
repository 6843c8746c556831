using HousingLedger.Contracts;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// How a supplier stands on time under one contract at a settlement's as-of time T (SPEC §6.4): of the jobs in
/// scope, how many were late. A contract has one supplier, so this is the figure for (supplier, contract).
/// </summary>
/// <param name="LateJobs">Jobs in scope that were late.</param>
/// <param name="JobsInScope">Jobs, of every member association, cancelled ones excepted, whose deadline lies in (T − window, T].</param>
public sealed record SupplierLateness(int LateJobs, int JobsInScope)
{
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or more jobs are late than are in scope.</exception>
    public int LateJobs { get; } = LateJobs >= 0 && LateJobs <= JobsInScope
        ? LateJobs
        : throw new ArgumentOutOfRangeException(nameof(LateJobs), LateJobs, $"Late jobs lie between 0 and the {JobsInScope} jobs in scope.");

    /// <summary>
    /// The reduction of <paramref name="terms"/> when late / in scope reaches its threshold (inclusive, compared
    /// exactly), else 0. With no jobs in scope the ratio is 0, so only a threshold of 0 applies the reduction.
    /// </summary>
    public Rate PenaltyRate(LatePenalty terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return ExactArithmetic.RatioReaches(LateJobs, JobsInScope, terms.Threshold) ? terms.Reduction : Rate.Zero;
    }

    /// <summary>
    /// Counts, in one pass and in any order, the jobs in scope and the late ones among <paramref name="jobs"/>: the
    /// jobs of contract <paramref name="contractId"/>, each once; any whose deadline lies outside the window, and
    /// cancelled ones, are passed over, so the caller may hand over all the contract's jobs or only those due in
    /// the window. The window is (T − <see cref="LatePenalty.Window"/> in calendar months, T]; see
    /// <see cref="LatenessTally.Add"/> for when a job is late.
    /// </summary>
    /// <exception cref="ArgumentException">A job belongs to another contract or supplier.</exception>
    public static SupplierLateness Count(ContractId contractId, ContractTerms terms, DateTimeOffset asOf, IEnumerable<JobSummary> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var tally = new LatenessTally(contractId, terms, asOf);
        foreach (var job in jobs)
        {
            tally.Add(job);
        }

        return tally.Lateness;
    }
}
