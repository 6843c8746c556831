using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>The parameters of one settlement run (SPEC §6): its as-of time T and the operator's fee per settled job.</summary>
/// <param name="AsOf">T: jobs approved at or before it are payable, and lateness is judged at it.</param>
/// <param name="FeePerJob">
/// The operator's fee for each job settled (<c>Settlement:FeePerJobPence</c>): charged to the association on its
/// monthly statement, never deducted from the supplier's payment.
/// </param>
public sealed record SettlementRun(DateTimeOffset AsOf, Money FeePerJob)
{
    /// <exception cref="ArgumentOutOfRangeException">The fee is negative.</exception>
    public Money FeePerJob { get; } = FeePerJob >= Money.Zero
        ? FeePerJob
        : throw new ArgumentOutOfRangeException(nameof(FeePerJob), FeePerJob, "A fee per job is not negative.");
}
