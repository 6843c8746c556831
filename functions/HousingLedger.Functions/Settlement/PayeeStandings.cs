using HousingLedger.Infrastructure.State;
using HousingLedger.Suppliers;
using HousingLedger.Values;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// Whether an association may pay a supplier now, as one settlement run finds it: the supplier's bank details and
/// their latest change, read from its one row, so the decision and the details paid are the same version; and
/// whether the association confirmed that change. Read once per payee and kept, so every job of a payee in one
/// run is decided alike. Make one per association and run.
/// </summary>
public sealed class PayeeStandings(PartyStore parties, BankDetailsStore store, AssociationId payer)
{
    private readonly Dictionary<SupplierId, PayeeStanding> standings = [];

    /// <exception cref="InvalidOperationException">The supplier is not registered, though a contract names it.</exception>
    public async Task<PayeeStanding> OfAsync(SupplierId supplierId, CancellationToken cancellationToken)
    {
        if (!standings.TryGetValue(supplierId, out var standing))
        {
            var profile = await parties.GetSupplierAsync(supplierId, cancellationToken)
                ?? throw new InvalidOperationException($"Supplier {supplierId} has approved jobs but is not registered.");
            var payee = profile.Payee;
            var confirmed = payee.LatestChange is { } change && await store.GetConfirmationAsync(payer, supplierId, change.EventId, cancellationToken) is not null;
            standings[supplierId] = standing = new PayeeStanding(payee, payee.MustHold(confirmed));
        }

        return standing;
    }
}

/// <summary>A payee's details as a run found them, and whether its jobs are held until the change is confirmed.</summary>
public sealed record PayeeStanding(PayeeBank Payee, bool Held);
