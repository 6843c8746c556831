using HousingLedger.Contracts;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// Prices one job from its contract's terms and the two counts that depend on other jobs (SPEC §6.2–6.6). The
/// settlement engine prices with it, and an auditor re-prices a recorded <c>job.settled</c> with it. Thread-safe.
/// </summary>
public static class JobPricing
{
    /// <summary>
    /// Gross = unit price × <paramref name="quantity"/>; d = the discount tier <paramref name="cumulativeUnits"/>
    /// reached; p = the contract's late penalty for <paramref name="lateness"/>; net = gross × (1 − d) × (1 − p),
    /// computed exactly and rounded once, half away from zero, to the penny; VAT = net × the VAT rate, rounded the
    /// same way; the fee is recorded beside them and deducted from nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The contract has no item <paramref name="itemCode"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="quantity"/> is below 1, or <paramref name="cumulativeUnits"/> is below it (a job's own units count).
    /// </exception>
    public static PriceBreakdown Price(
        ContractTerms terms, string itemCode, int quantity, long cumulativeUnits, SupplierLateness lateness, Money fee)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(lateness);
        var item = terms.ItemFor(itemCode)
            ?? throw new ArgumentException($"The contract has no item {itemCode}; a job is raised only for an item of its contract.", nameof(itemCode));
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cumulativeUnits, quantity);
        var gross = item.UnitPrice.Times(quantity);
        var discountRate = terms.VolumeDiscount.RateFor(cumulativeUnits);
        var penaltyRate = lateness.PenaltyRate(terms.LatePenalty);
        var net = ExactArithmetic.MultiplyAndRound(gross, discountRate.Complement, penaltyRate.Complement);
        var vat = ExactArithmetic.MultiplyAndRound(net, terms.VatRate.Value);
        return new PriceBreakdown(gross, discountRate, cumulativeUnits, penaltyRate, lateness.LateJobs, lateness.JobsInScope, net, vat, fee);
    }
}
