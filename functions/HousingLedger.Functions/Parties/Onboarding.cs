using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.Secrets;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Functions.Parties;

/// <summary>
/// The operator onboards associations and registers suppliers (SPEC §9); each is recorded on the operator's chain.
/// An association gets its first admin key, a supplier its webhook secret, each shown once; the secret is kept
/// sealed (<see cref="IWebhookSecretVault"/>), never in the supplier's row.
/// </summary>
public sealed class Onboarding(EventIntake intake, KeyManagement keys, IWebhookSecretVault secrets)
{
    /// <summary>The name the key an association is onboarded with is listed under.</summary>
    private const string FirstKeyName = "onboarding";

    public async Task<Onboarded> OnboardAssociationAsync(AssociationId associationId, string name, BankAccount bank, EventId? eventId, CancellationToken cancellationToken)
    {
        var profile = new JsonObject { ["associationId"] = associationId.Value, ["name"] = name, ["bank"] = bank.ToJson() };
        var tx = intake.NewTransaction("association.onboarded", OperatorChain.Name, eventId, null, "operator", associationId.Value, profile.DeepClone().AsObject());
        if (await intake.AcceptAsync(tx, [PartyStore.Onboarded(associationId, profile)], cancellationToken) != AcceptOutcome.Accepted)
        {
            return new Onboarded.Conflict($"Association '{associationId}' is onboarded already, or the Idempotency-Key was used before.");
        }

        // A new association's key ring is empty, so nothing can stand in the way of its first key.
        var issued = (KeyIssued.Issued)await keys.IssueAsync(associationId, FirstKeyName, ApiRole.Admin, cancellationToken);
        return new Onboarded.Association(associationId, issued.Secret, TypedId.Parse<EventId>(tx.EventId));
    }

    public async Task<Onboarded> RegisterSupplierAsync(SupplierId supplierId, string name, Uri workOrderUrl, BankAccount bank, EventId? eventId, CancellationToken cancellationToken)
    {
        var secret = WebhookSecret.Generate();
        var bankJson = bank.ToJson();
        var profile = new JsonObject
        {
            ["supplierId"] = supplierId.Value,
            ["name"] = name,
            ["workOrderUrl"] = workOrderUrl.ToString(),
            ["bank"] = bankJson,
        };

        // Sealed before the registration is accepted: a refused registration leaves only a sealed secret that no
        // row names (in Key Vault, an unused version).
        var sealedSecret = await secrets.SealAsync(supplierId, secret, cancellationToken);

        // The ledger commits to the bank details (a change of them is the fraud to watch for) without
        // spreading account numbers across every copy of the chain.
        var data = new JsonObject
        {
            ["supplierId"] = supplierId.Value,
            ["name"] = name,
            ["workOrderUrl"] = workOrderUrl.ToString(),
            ["bankDetailsSha256"] = Convert.ToHexStringLower(SHA256.HashData(Jcs.Canonicalize(bankJson))),
        };
        var tx = intake.NewTransaction("supplier.registered", OperatorChain.Name, eventId, null, "operator", supplierId.Value, data);
        return await intake.AcceptAsync(
            tx, [PartyStore.Registered(supplierId, profile), SupplierSecretStore.Created(supplierId, RotatingSecret<JsonObject>.First(sealedSecret))], cancellationToken)
            == AcceptOutcome.Accepted
            ? new Onboarded.Supplier(supplierId, secret.ToString(), TypedId.Parse<EventId>(tx.EventId))
            : new Onboarded.Conflict($"Supplier '{supplierId}' is registered already, or the Idempotency-Key was used before.");
    }
}

/// <summary>How onboarding a party ended.</summary>
public abstract record Onboarded
{
    private Onboarded()
    {
    }

    /// <summary>An association, with its first admin key (shown this once).</summary>
    public sealed record Association(AssociationId AssociationId, string ApiKey, EventId EventId) : Onboarded;

    /// <summary>A supplier, with its webhook secret (shown this once).</summary>
    public sealed record Supplier(SupplierId SupplierId, string WebhookSecret, EventId EventId) : Onboarded;

    /// <summary>The id is taken, or the event id was used before; nothing was recorded.</summary>
    public sealed record Conflict(string Reason) : Onboarded;
}
