using System.Text.Json.Nodes;
using HousingLedger.Webhooks;

namespace HousingLedger.Functions.Api;

/// <summary>Reads a supplier's profile as <see cref="OperatorApi"/> stores it in the operator's state partition.</summary>
public static class StoredSupplier
{
    /// <summary>The secret that signs webhooks both ways; a profile without a valid one was altered outside the service.</summary>
    public static WebhookSecret WebhookSecret(JsonObject profile, string supplierId) =>
        Webhooks.WebhookSecret.TryParse((string?)profile["webhookSecret"], out var secret)
            ? secret
            : throw new InvalidDataException($"Supplier {supplierId} has no valid webhook secret stored.");
}
