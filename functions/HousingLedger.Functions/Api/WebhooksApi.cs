using HousingLedger.Functions.Jobs;
using HousingLedger.Infrastructure.Secrets;
using HousingLedger.Jobs;
using HousingLedger.Validation;
using HousingLedger.Values;
using HousingLedger.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Suppliers' systems report job events as Standard Webhooks: the signature is checked over the exact bytes
/// before anything else is read, and the <c>webhook-id</c> becomes the event's id, so a redelivery is
/// acknowledged and not recorded again.
/// </summary>
public sealed class WebhooksApi(ApiGate gate, SupplierWebhookSecrets secrets, SupplierEvents supplierEvents, TimeProvider time)
{
    private static readonly string[] EventFields = ["type", "jobId", "occurredAt", "data"];

    /// <summary>Open to anyone: the Standard Webhooks signature, checked by the handler, authenticates the supplier.</summary>
    [Function("SupplierWebhook")]
    public Task<IResult> SupplierWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/suppliers/{supplierId}")] HttpRequest request, string supplierId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Anyone, async () => await ReceiveAsync(request, supplierId, cancellationToken));

    private async Task<Results<Accepted<JobEventAccepted>, Ok<JobEventAccepted>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, string supplierId, CancellationToken cancellationToken)
    {
        // Within a day of a rotation the previous secret is valid too, and a signature under either verifies.
        var now = time.GetUtcNow();
        var valid = TypedId.TryParse<SupplierId>(supplierId, out var supplierKey) ? await secrets.ValidAtAsync(supplierKey, now, cancellationToken) : null;
        if (valid is null)
        {
            return Problems.NotFound($"No supplier '{supplierId}'.");
        }

        var raw = await RequestBody.ReadBytesAsync(request, cancellationToken);
        if (raw.Problem is not null)
        {
            return raw.Problem;
        }

        var webhookId = Header(request, "webhook-id");
        var signature = StandardWebhook.Verify(
            valid, webhookId, Header(request, "webhook-timestamp"), Header(request, "webhook-signature"), raw.Bytes, now);
        if (!signature.IsValid)
        {
            return Problems.Of(ProblemType.Unauthorized, "The webhook signature does not verify: " + signature.Errors[0].Message, signature.Errors);
        }

        var body = RequestBody.Parse(raw.Bytes);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var fields = RequestFields.Open(body.Json, EventFields);
        var type = fields.OneOf("type", JobEventTypes.SentBy(JobEventSender.Supplier));
        var jobId = fields.Id<JobId>("jobId");
        var occurredAt = fields.Instant("occurredAt");
        var data = fields.Object(CompletionEvidence.Path, required: false);
        var evidence = type is null ? null : SupplierEventData.Read(type, data ?? default);
        fields.AddRange(evidence?.Errors ?? []);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        // A signature verifies only over a webhook-id that is a valid id, so this cannot fail here.
        var report = new SupplierEvent(supplierKey, jobId!.Value, type!, TypedId.Parse<EventId>(webhookId!), occurredAt, evidence!.Value);
        var result = await supplierEvents.RecordAsync(report, cancellationToken);
        return result is JobEventResult.NotFound
            ? Problems.NotFound($"Supplier '{supplierId}' has no job '{jobId}'.")
            : JobsApi.ToResponse(result, jobId.Value.Value);
    }

    private static string? Header(HttpRequest request, string name)
    {
        var value = request.Headers[name];
        return value.Count == 1 ? value[0] : null;
    }
}
