using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Jobs;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.State;
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
public sealed class WebhooksApi(ApiGate gate, StateStore state, DirectoryStore directory, JobEvents jobEvents, TimeProvider time)
{
    private static readonly string[] EventFields = ["type", "jobId", "occurredAt", "data"];

    /// <summary>Open to anyone: the Standard Webhooks signature, checked by the handler, authenticates the supplier.</summary>
    [Function("SupplierWebhook")]
    public Task<IResult> SupplierWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/suppliers/{supplierId}")] HttpRequest request, string supplierId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Anyone, async () => await ReceiveAsync(supplierId, request, state, directory, jobEvents, time, cancellationToken));

    public static async Task<Results<Accepted<JobEventAccepted>, Ok<JobEventAccepted>, ProblemHttpResult>> ReceiveAsync(
        string supplierId, HttpRequest request, StateStore state, DirectoryStore directory, JobEvents jobEvents, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var supplier = Identifier.IsValid(supplierId) ? await state.GetAsync(Chains.Operator, Chains.SupplierRow(supplierId), cancellationToken) : null;
        if (supplier is null)
        {
            return Problems.NotFound($"No supplier '{supplierId}'.");
        }

        var raw = await RequestBody.ReadBytesAsync(request, cancellationToken);
        if (raw.Problem is not null)
        {
            return raw.Problem;
        }

        var signature = StandardWebhook.Verify(
            StoredSupplier.WebhookSecret(supplier.Document, supplierId), Header(request, "webhook-id"), Header(request, "webhook-timestamp"), Header(request, "webhook-signature"), raw.Bytes, time.GetUtcNow());
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
        var jobId = fields.Identifier("jobId");
        var occurredAt = fields.Instant("occurredAt");
        var data = ReadData(fields, type);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        var owner = await directory.GetAsync(DirectoryKind.Job, jobId!, cancellationToken);
        if (owner is null || (string?)owner["supplierId"] != supplierId)
        {
            return Problems.NotFound($"Supplier '{supplierId}' has no job '{jobId}'.");
        }

        var command = new JobEventCommand((string)owner["associationId"]!, jobId!, type!, Header(request, "webhook-id"), occurredAt, "supplier:" + supplierId, data.Ledger)
        {
            ExtraChanges = eventId => data.OffLedger is null ? [] : [StateChange.Create(Chains.FreeTextRow(eventId), data.OffLedger)],
        };
        return JobsApi.ToResponse(await jobEvents.RecordAsync(command, cancellationToken), jobId!);
    }

    /// <summary>The event's data: evidence for a completion (free-text notes kept off the ledger), nothing otherwise.</summary>
    private static (JsonObject Ledger, JsonObject? OffLedger) ReadData(RequestFields fields, string? type)
    {
        var element = fields.Object("data", required: false);
        if (type != JobEventTypes.Completed)
        {
            if (element is not null && element.Value.EnumerateObject().Any())
            {
                fields.Add(new HousingLedger.Validation.FieldError("data", $"carries nothing for {type}; send it empty or leave it out"));
            }

            return ([], null);
        }

        var evidence = CompletionEvidence.Parse(element ?? JsonDocument.Parse("{}").RootElement);
        fields.AddRange(evidence.Errors);
        if (!evidence.IsValid)
        {
            return ([], null);
        }

        if (evidence.Value.Notes is not { } notes)
        {
            return (evidence.Value.ToLedgerData(null), null);
        }

        var (commitment, offLedger) = OffLedgerText.Keep(notes);
        return (evidence.Value.ToLedgerData(commitment), offLedger);
    }

    private static string? Header(HttpRequest request, string name)
    {
        var value = request.Headers[name];
        return value.Count == 1 ? value[0] : null;
    }
}
