using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>The operator's view of the parties: every one of them, and whether an association is suspended.</summary>
public sealed partial class PartyStore
{
    private const string SuspendedField = "suspended";

    /// <summary>Every onboarded association with its profile, in id order.</summary>
    public IAsyncEnumerable<(AssociationId Id, PartyProfile Profile)> AssociationsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<AssociationId>(AssociationPrefix, cancellationToken);

    /// <summary>Every registered supplier with its profile, in id order.</summary>
    public IAsyncEnumerable<(SupplierId Id, PartyProfile Profile)> SuppliersAsync(CancellationToken cancellationToken = default) =>
        ListAsync<SupplierId>(SupplierPrefix, cancellationToken);

    /// <summary>An association's profile with the version to change it against; null when it was never onboarded.</summary>
    public Task<StoredDocument?> GetAssociationRowAsync(AssociationId associationId, CancellationToken cancellationToken = default) =>
        state.GetAsync(OperatorChain.Name, AssociationPrefix + associationId.Value, cancellationToken);

    /// <summary>Whether the operator has suspended the association; false for one never onboarded.</summary>
    public async Task<bool> IsSuspendedAsync(AssociationId associationId, CancellationToken cancellationToken = default) =>
        await GetAssociationAsync(associationId, cancellationToken) is { } profile && IsSuspended(profile);

    public static bool IsSuspended(PartyProfile profile) => (bool?)profile.Document[SuspendedField] == true;

    /// <summary>The change that suspends the association or lifts its suspension, against its profile as read.</summary>
    public static StateChange SuspensionSet(AssociationId associationId, StoredDocument row, bool suspended)
    {
        var profile = row.Document.DeepClone().AsObject();
        profile[SuspendedField] = suspended;
        return StateChange.Replace(AssociationPrefix + associationId.Value, profile, row.Version);
    }

    private async IAsyncEnumerable<(TId Id, PartyProfile Profile)> ListAsync<TId>(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TId : struct, ITypedId<TId>
    {
        await foreach (var (rowKey, row) in state.ListAsync(OperatorChain.Name, prefix, cancellationToken))
        {
            yield return (TypedId.Parse<TId>(rowKey[prefix.Length..]), new PartyProfile(row.Document));
        }
    }
}
