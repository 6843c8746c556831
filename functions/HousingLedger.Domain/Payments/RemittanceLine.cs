using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>
/// One settled job inside a credit transfer: what was done under which contract, and how its price was reached
/// (SPEC §6). <see cref="Payable"/> is derived, so it can never disagree with <see cref="Net"/> and <see cref="Vat"/>.
/// </summary>
public sealed record RemittanceLine(
    string JobId,
    string ContractId,
    string ItemCode,
    int Quantity,
    Money Gross,
    Rate DiscountRate,
    Rate PenaltyRate,
    Money Net,
    Money Vat)
{
    /// <summary>What the supplier is paid for this job: net plus VAT.</summary>
    public Money Payable => Net + Vat;
}
