using HousingLedger.Functions.Pipeline;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.Parties;

/// <summary>
/// Once a <c>supplier.bankDetailsChanged</c> is on the operator's chain, makes sure every association it is for
/// has it on its chain too. It runs at least once per change (the appender repeats follow-ups after a crash), so
/// a change whose request stopped between chains is never left off one.
/// </summary>
public sealed class BankDetailsFanOut(BankDetailsChanges changes) : IAppendedEventHandler
{
    public async Task OnAppendedAsync(IReadOnlyList<LedgerTransaction> appended, CancellationToken cancellationToken)
    {
        foreach (var changed in appended.Where(tx => tx.Chain == OperatorChain.Name && tx.Type == BankDetailsChanges.ChangedType))
        {
            await changes.CompleteAsync(TypedId.Parse<SupplierId>(changed.Subject), TypedId.Parse<EventId>(changed.EventId), cancellationToken);
        }
    }
}
