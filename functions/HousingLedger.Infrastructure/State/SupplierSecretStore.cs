using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Each supplier's webhook secret through its rotations, sealed (<see cref="Secrets.IWebhookSecretVault"/>), as the
/// row <c>webhook-secret|{supplierId}</c> of the operator chain's state partition:
/// <c>{"current": sealed, "previous"?: sealed, "previousValidUntil"?: instant}</c>. It is a row of its own, beside
/// the supplier's profile, so rotating the secret and changing the profile never contend for one row.
/// </summary>
/// <remarks>
/// Before secrets were sealed, the profile row held the secret in plain text. No deployment holds such rows (the
/// service had not been deployed), so there is no migration: a supplier registered by that build has no row here,
/// and the developer's local data (<c>.azurite/</c>) is deleted instead.
/// </remarks>
public sealed class SupplierSecretStore(StateStore state)
{
    private const string Prefix = "webhook-secret|";

    /// <summary>The supplier's sealed secrets and the row's version; null when there is no such supplier.</summary>
    /// <exception cref="InvalidDataException">The row does not have the shape above: it was altered outside the service.</exception>
    public async Task<StoredWebhookSecret?> GetAsync(SupplierId supplierId, CancellationToken cancellationToken = default)
    {
        if (await state.GetAsync(OperatorChain.Name, Prefix + supplierId.Value, cancellationToken) is not { } row)
        {
            return null;
        }

        var document = row.Document;
        var current = document["current"] as JsonObject;
        var previous = document["previous"] as JsonObject;
        DateTimeOffset? validUntil = document["previousValidUntil"] is JsonValue until && UtcTimestamp.TryParse((string?)until, out var instant) ? instant : null;
        if (current is null || previous is null != validUntil is null)
        {
            throw new InvalidDataException($"The webhook secret row of supplier {supplierId} is not a sealed current secret with an optional previous one and its end.");
        }

        return new StoredWebhookSecret(RotatingSecret<JsonObject>.Restore(current, previous, validUntil), row.Version);
    }

    /// <summary>The row that records a new supplier's secret; it must not exist yet.</summary>
    public static StateChange Created(SupplierId supplierId, RotatingSecret<JsonObject> secret) => StateChange.Create(Prefix + supplierId.Value, ToJson(secret));

    /// <summary>The row after a rotation, replacing it as it was read.</summary>
    public static StateChange Rotated(SupplierId supplierId, RotatingSecret<JsonObject> secret, string version) =>
        StateChange.Replace(Prefix + supplierId.Value, ToJson(secret), version);

    private static JsonObject ToJson(RotatingSecret<JsonObject> secret)
    {
        var json = new JsonObject { ["current"] = secret.Current.DeepClone() };
        if (secret.Previous is not null)
        {
            json["previous"] = secret.Previous.DeepClone();
            json["previousValidUntil"] = UtcTimestamp.Format(secret.PreviousValidUntil!.Value);
        }

        return json;
    }
}

/// <summary>A supplier's sealed webhook secrets as stored, with the row's version to replace it against.</summary>
public sealed record StoredWebhookSecret(RotatingSecret<JsonObject> Secret, string Version);
