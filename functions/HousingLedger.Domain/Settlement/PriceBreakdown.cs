using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// How one job's payment was reached (SPEC §6): every figure that priced it and every figure it produced, as its
/// <c>job.settled</c> transaction records them (<see cref="ToLedgerData"/>). <see cref="Payable"/> is derived, so
/// it can never disagree with <see cref="Net"/> and <see cref="Vat"/>. Immutable and thread-safe.
/// </summary>
/// <param name="Gross">Unit price × quantity.</param>
/// <param name="DiscountRate">The volume discount d: the rate of the tier <paramref name="CumulativeUnits"/> reached.</param>
/// <param name="CumulativeUnits">Units approved under the contract in the job's contract year up to and including it.</param>
/// <param name="PenaltyRate">The late penalty p: the contract's reduction if late / in scope reached its threshold, else 0.</param>
/// <param name="LateJobs">Late jobs among those in scope at the run's as-of time.</param>
/// <param name="JobsInScope">Jobs whose deadline lay in the penalty window.</param>
/// <param name="Net">Gross × (1 − d) × (1 − p), rounded once to the penny.</param>
/// <param name="Vat">Net × the contract's VAT rate, rounded to the penny.</param>
/// <param name="Fee">The operator's fee for settling the job, charged to the association, not the supplier.</param>
public sealed partial record PriceBreakdown(
    Money Gross,
    Rate DiscountRate,
    long CumulativeUnits,
    Rate PenaltyRate,
    int LateJobs,
    int JobsInScope,
    Money Net,
    Money Vat,
    Money Fee)
{
    /// <summary>What the supplier is paid for the job: net plus VAT.</summary>
    public Money Payable => Net + Vat;
}
