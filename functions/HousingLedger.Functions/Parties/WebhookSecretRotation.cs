using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.Secrets;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Functions.Parties;

/// <summary>
/// The operator rotates a supplier's webhook secret (SPEC §9): a new secret, shown once, becomes current, and the
/// one the supplier uses stays valid for a day (<see cref="RotatingSecret{TSecret}"/>), or ends at once when it
/// leaked. <c>supplier.webhookSecretRotated</c> on the operator's chain records when, and until when the previous
/// secret is valid; never a secret.
/// </summary>
public sealed class WebhookSecretRotation(SupplierSecretStore rows, IWebhookSecretVault vault, EventIntake intake, TimeProvider time)
{
    public const string EventType = "supplier.webhookSecretRotated";

    public async Task<SecretRotated> RotateAsync(SupplierId supplierId, bool revokePrevious, EventId? eventId, CancellationToken cancellationToken)
    {
        if (await rows.GetAsync(supplierId, cancellationToken) is not { } stored)
        {
            return new SecretRotated.NotFound();
        }

        var secret = WebhookSecret.Generate();
        var now = time.GetUtcNow();

        // Sealed before the rotation is accepted: a refused rotation leaves only a sealed secret no row names.
        var rotated = stored.Secret.Rotate(await vault.SealAsync(supplierId, secret, cancellationToken), now, revokePrevious);
        var data = new JsonObject
        {
            ["supplierId"] = supplierId.Value,
            ["previousSecretValidUntil"] = rotated.PreviousValidUntil is { } until ? UtcTimestamp.Format(until) : null,
        };
        var tx = intake.NewTransaction(EventType, OperatorChain.Name, eventId, null, "operator", supplierId.Value, data, recordedAt: now);
        return await intake.AcceptAsync(tx, [SupplierSecretStore.Rotated(supplierId, rotated, stored.Version)], cancellationToken) switch
        {
            AcceptOutcome.Accepted => new SecretRotated.Rotated(secret.ToString(), rotated.PreviousValidUntil, TypedId.Parse<EventId>(tx.EventId)),
            AcceptOutcome.StaleState => new SecretRotated.Conflict($"The secret of supplier '{supplierId}' was rotated by another request meanwhile; this one changed nothing."),
            _ => new SecretRotated.Conflict("The Idempotency-Key was used before; nothing was changed."),
        };
    }
}

/// <summary>How rotating a supplier's webhook secret ended.</summary>
public abstract record SecretRotated
{
    private SecretRotated()
    {
    }

    /// <summary>The new secret (shown this once), and until when the previous one is valid (null when it was revoked).</summary>
    public sealed record Rotated(string WebhookSecret, DateTimeOffset? PreviousSecretValidUntil, EventId EventId) : SecretRotated;

    /// <summary>No such supplier.</summary>
    public sealed record NotFound : SecretRotated;

    /// <summary>Another rotation won, or the event id was used before; nothing was recorded.</summary>
    public sealed record Conflict(string Reason) : SecretRotated;
}
