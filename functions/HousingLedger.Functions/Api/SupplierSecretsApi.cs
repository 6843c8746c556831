using System.Diagnostics;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Parties;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>The operator rotates a supplier's webhook secret (<see cref="WebhookSecretRotation"/>).</summary>
public sealed class SupplierSecretsApi(ApiGate gate, WebhookSecretRotation rotation)
{
    private const string Keep = "keep";
    private const string Revoke = "revoke";

    private static readonly string[] RotationFields = ["previousSecret"];
    private static readonly string[] PreviousSecretChoices = [Keep, Revoke];

    [Function("RotateWebhookSecret")]
    public Task<IResult> RotateWebhookSecret(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers/{supplierId}/webhook-secret")] HttpRequest request, string supplierId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator), async () => await RotateAsync(request, supplierId, cancellationToken));

    private async Task<Results<Ok<WebhookSecretRotated>, ProblemHttpResult>> RotateAsync(HttpRequest request, string supplierId, CancellationToken cancellationToken)
    {
        if (!TypedId.TryParse<SupplierId>(supplierId, out var supplier))
        {
            return UnknownSupplier(supplierId);
        }

        // The body is optional: a bare POST keeps the previous secret valid for a day.
        var revokePrevious = false;
        if (request.ContentLength > 0 || (request.ContentLength is null && request.ContentType is not null))
        {
            var (fields, unreadable) = await RequestBody.OpenAsync(request, RotationFields, cancellationToken);
            if (fields is null)
            {
                return unreadable!;
            }

            revokePrevious = fields.OneOf("previousSecret", PreviousSecretChoices, required: false) == Revoke;
            if (!fields.IsValid)
            {
                return Problems.Invalid(fields.Errors);
            }
        }

        return await rotation.RotateAsync(supplier, revokePrevious, IdempotencyKey.Of(request), cancellationToken) switch
        {
            SecretRotated.Rotated rotated => TypedResults.Ok(new WebhookSecretRotated(
                supplier.Value,
                rotated.WebhookSecret,
                rotated.PreviousSecretValidUntil is { } until ? UtcTimestamp.Format(until) : null,
                rotated.EventId.Value)),
            SecretRotated.NotFound => UnknownSupplier(supplierId),
            SecretRotated.Conflict conflict => Problems.Conflict(conflict.Reason),
            _ => throw new UnreachableException(),
        };
    }

    private static ProblemHttpResult UnknownSupplier(string supplierId) => Problems.NotFound($"No supplier '{supplierId}'.");
}

/// <param name="PreviousSecretValidUntil">Until when the previous secret is still accepted and signed with; null when it was revoked.</param>
public sealed record WebhookSecretRotated(string SupplierId, string WebhookSecret, string? PreviousSecretValidUntil, string EventId);
