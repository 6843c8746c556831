using HousingLedger.Payments;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>What one association pays one supplier in a run: a remittance line per settled job, ordered by job id.</summary>
/// <param name="SupplierId">The supplier paid.</param>
/// <param name="Lines">One line per settled job.</param>
public sealed record SupplierRemittance(SupplierId SupplierId, IReadOnlyList<RemittanceLine> Lines)
{
    /// <summary>The credit transfer's amount: the sum of the lines' payable amounts.</summary>
    public Money Amount => Money.Sum(Lines.Select(line => line.Payable));

    /// <summary>The supplier's credit transfer, once the caller knows its payee details and reference (SPEC §7, §9).</summary>
    /// <exception cref="InvalidOperationException">A line is not one a batch can pay (see <see cref="RemittanceTally.Add"/>).</exception>
    public CreditTransfer ToCreditTransfer(PaymentParty payee, string endToEndReference, bool payeeDetailsChangedRecently)
    {
        var tally = new RemittanceTally();
        foreach (var line in Lines)
        {
            if (tally.Add(line) is [var first, ..])
            {
                throw new InvalidOperationException($"Job {line.JobId} cannot be paid: {first.Field} {first.Message}.");
            }
        }

        return tally.ToCreditTransfer(SupplierId.Value, payee, endToEndReference, payeeDetailsChangedRecently);
    }
}
