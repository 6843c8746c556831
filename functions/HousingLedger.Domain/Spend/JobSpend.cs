using HousingLedger.Fees;
using HousingLedger.Settlement;
using HousingLedger.Values;

namespace HousingLedger.Spend;

/// <summary>
/// What one settled job cost, as staff read spend (SPEC §13: paid, discounted and penalised): from its
/// <c>job.settled</c> price, in the month of the settlement's as-of time. <see cref="Discounted"/> and
/// <see cref="Penalised"/> are what the volume discount and the late penalty took off the list price, so that
/// list price − discounted − penalised = net to the penny. Immutable.
/// </summary>
/// <param name="ListPrice">Unit price × quantity (the price's <c>gross</c>), before discount and penalty.</param>
/// <param name="Discounted">List price × the discount rate, rounded half away from zero to the penny.</param>
/// <param name="Penalised">What the penalty took: the rest of the difference between list price and net, so the figures add up exactly.</param>
/// <param name="Net">Paid before VAT.</param>
/// <param name="Vat">VAT on <paramref name="Net"/>.</param>
public sealed record JobSpend(
    StatementMonth Month, JobId JobId, SupplierId SupplierId, ContractId ContractId, Money ListPrice, Money Discounted, Money Penalised, Money Net, Money Vat)
{
    /// <summary>Paid with VAT: net + VAT, the job's payable.</summary>
    public Money Paid => Net + Vat;

    public static JobSpend Of(StatementMonth month, JobId jobId, SupplierId supplierId, ContractId contractId, PriceBreakdown price)
    {
        ArgumentNullException.ThrowIfNull(price);
        var discounted = Money.RoundFromPence(price.Gross.Pence * price.DiscountRate.Value);
        return new JobSpend(month, jobId, supplierId, contractId, price.Gross, discounted, price.Gross - discounted - price.Net, price.Net, price.Vat);
    }
}
