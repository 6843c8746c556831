using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Suppliers;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// The parties the operator onboarded, as rows of the operator chain's state partition: <c>association|{id}</c>
/// (name and bank details) and <c>supplier|{id}</c> (name, work-order URL and bank details; its webhook secret is
/// sealed in a row of its own, <see cref="SupplierSecretStore"/>).
/// </summary>
public sealed partial class PartyStore(StateStore state)
{
    private const string AssociationPrefix = "association|";
    private const string SupplierPrefix = "supplier|";

    public async Task<PartyProfile?> GetAssociationAsync(AssociationId associationId, CancellationToken cancellationToken = default) =>
        await state.GetAsync(OperatorChain.Name, AssociationPrefix + associationId.Value, cancellationToken) is { } row ? new PartyProfile(row.Document) : null;

    /// <summary>Every onboarded association's id, in id order.</summary>
    public async IAsyncEnumerable<AssociationId> AssociationIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (rowKey, _) in state.ListAsync(OperatorChain.Name, AssociationPrefix, cancellationToken))
        {
            yield return TypedId.Parse<AssociationId>(rowKey[AssociationPrefix.Length..]);
        }
    }

    public async Task<PartyProfile?> GetSupplierAsync(SupplierId supplierId, CancellationToken cancellationToken = default) =>
        await state.GetAsync(OperatorChain.Name, SupplierPrefix + supplierId.Value, cancellationToken) is { } row ? new PartyProfile(row.Document) : null;

    /// <summary>The supplier's profile with the version to replace it against (<see cref="SupplierUpdated"/>); null when there is none.</summary>
    public async Task<StoredProfile?> GetSupplierForUpdateAsync(SupplierId supplierId, CancellationToken cancellationToken = default) =>
        await state.GetAsync(OperatorChain.Name, SupplierPrefix + supplierId.Value, cancellationToken) is { } row ? new StoredProfile(new PartyProfile(row.Document), row.Version) : null;

    /// <summary>The row that records an association's onboarding; it must not exist yet.</summary>
    public static StateChange Onboarded(AssociationId associationId, JsonObject profile) => StateChange.Create(AssociationPrefix + associationId.Value, profile);

    /// <summary>The row that records a supplier's registration; it must not exist yet.</summary>
    public static StateChange Registered(SupplierId supplierId, JsonObject profile) => StateChange.Create(SupplierPrefix + supplierId.Value, profile);

    /// <summary>The row that replaces a supplier's profile as it was read.</summary>
    public static StateChange SupplierUpdated(SupplierId supplierId, StoredProfile stored, JsonObject profile) =>
        StateChange.Replace(SupplierPrefix + supplierId.Value, profile, stored.Version);
}

/// <summary>A profile as stored, with the version (ETag) to replace it against.</summary>
public sealed record StoredProfile(PartyProfile Profile, string Version);

/// <summary>An association's or a supplier's profile as onboarding stored it.</summary>
public sealed record PartyProfile(JsonObject Document)
{
    /// <summary>The account it is paid from or into.</summary>
    /// <exception cref="InvalidDataException">The stored details do not parse: the row was altered outside the service.</exception>
    public BankAccount Bank => StoredPayee.ReadBank(Document);

    /// <summary>A supplier as a payee: the account it is paid into, and the latest change of it (SPEC §9).</summary>
    /// <exception cref="InvalidDataException">As for <see cref="Bank"/>.</exception>
    public PayeeBank Payee => StoredPayee.Read(Document);

    /// <summary>A supplier's work-order URL.</summary>
    public Uri WorkOrderUrl => new((string)Document["workOrderUrl"]!);
}
