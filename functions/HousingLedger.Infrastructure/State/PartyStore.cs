using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// The parties the operator onboarded, as rows of the operator chain's state partition: <c>association|{id}</c>
/// (name and bank details) and <c>supplier|{id}</c> (name, work-order URL, bank details and webhook secret).
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

    /// <summary>When the supplier's row was last written (its bank details date from then); null when there is none.</summary>
    public Task<DateTimeOffset?> SupplierLastWrittenAsync(SupplierId supplierId, CancellationToken cancellationToken = default) =>
        state.LastWrittenAsync(OperatorChain.Name, SupplierPrefix + supplierId.Value, cancellationToken);

    /// <summary>The row that records an association's onboarding; it must not exist yet.</summary>
    public static StateChange Onboarded(AssociationId associationId, JsonObject profile) => StateChange.Create(AssociationPrefix + associationId.Value, profile);

    /// <summary>The row that records a supplier's registration; it must not exist yet.</summary>
    public static StateChange Registered(SupplierId supplierId, JsonObject profile) => StateChange.Create(SupplierPrefix + supplierId.Value, profile);
}

/// <summary>An association's or a supplier's profile as onboarding stored it.</summary>
public sealed record PartyProfile(JsonObject Document)
{
    /// <summary>The account it is paid from or into.</summary>
    /// <exception cref="InvalidDataException">The stored details do not parse: the row was altered outside the service.</exception>
    public BankAccount Bank
    {
        get
        {
            var bank = BankAccount.Parse(JsonSerializer.SerializeToElement(Document["bank"]), "bank");
            return bank.IsValid ? bank.Value : throw new InvalidDataException($"Stored bank details do not parse: {string.Join("; ", bank.Errors)}");
        }
    }

    /// <summary>A supplier's work-order URL.</summary>
    public Uri WorkOrderUrl => new((string)Document["workOrderUrl"]!);

    /// <summary>A supplier's secret, which signs webhooks both ways.</summary>
    /// <exception cref="InvalidDataException">There is no valid one: the row was altered outside the service.</exception>
    public WebhookSecret WebhookSecret => WebhookSecret.TryParse((string?)Document["webhookSecret"], out var secret)
        ? secret
        : throw new InvalidDataException($"Supplier {Document["supplierId"]} has no valid webhook secret stored.");
}
