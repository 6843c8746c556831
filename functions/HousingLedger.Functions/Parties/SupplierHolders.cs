using HousingLedger.Infrastructure.State;
using HousingLedger.Values;

namespace HousingLedger.Functions.Parties;

/// <summary>
/// Which associations hold a contract with a supplier: the owners and the members of every contract naming it,
/// each of which keeps its own copy of the contract's row. There is no index by supplier: the operator changes a
/// supplier's bank details rarely, so that change reads every association's contract rows once instead of every
/// contract registration keeping another row.
/// </summary>
public sealed class SupplierHolders(PartyStore parties, ContractStore contracts)
{
    /// <summary>Every association holding a contract with <paramref name="supplierId"/>, in id order.</summary>
    public async Task<IReadOnlyList<AssociationId>> ListAsync(SupplierId supplierId, CancellationToken cancellationToken)
    {
        var holders = new List<AssociationId>();
        await foreach (var associationId in parties.AssociationIdsAsync(cancellationToken))
        {
            if (await HoldsAsync(associationId, supplierId, cancellationToken))
            {
                holders.Add(associationId);
            }
        }

        return holders;
    }

    /// <summary>Whether <paramref name="associationId"/> holds, owned or joined, a contract with <paramref name="supplierId"/>.</summary>
    public async Task<bool> HoldsAsync(AssociationId associationId, SupplierId supplierId, CancellationToken cancellationToken)
    {
        await foreach (var contract in contracts.ListAsync(associationId, cancellationToken))
        {
            if ((string?)contract.Terms["supplierId"] == supplierId.Value)
            {
                return true;
            }
        }

        return false;
    }
}
