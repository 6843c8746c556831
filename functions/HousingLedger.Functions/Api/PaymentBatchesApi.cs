using System.Text.Json.Nodes;
using HousingLedger.Functions.Access;
using HousingLedger.Infrastructure.PaymentFiles;
using HousingLedger.Infrastructure.State;
using HousingLedger.Payments;
using HousingLedger.Payments.Bacs;
using HousingLedger.Payments.Csv;
using HousingLedger.Payments.Iso20022;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// An association's finance team reads its payment batches (SPEC §7): the list, a batch's manifest, and each file
/// exactly as stored. Another association's batch is not found.
/// </summary>
public sealed class PaymentBatchesApi(ApiGate gate, SettlementStore settlements, PaymentFileStore files)
{
    private static readonly string[] FileNames = [Pain001Writer.FileName, Standard18Writer.FileName, RemittanceCsvWriter.FileName, BatchManifest.FileName];
    private static readonly ApiAccess Finance = ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance);

    [Function("ListPaymentBatches")]
    public Task<IResult> ListPaymentBatches(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "payment-batches")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Finance, async () => await ListAsync(request, cancellationToken));

    [Function("GetPaymentBatch")]
    public Task<IResult> GetPaymentBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "payment-batches/{batchId}")] HttpRequest request, string batchId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Finance, async () => await ReadAsync(request, batchId, BatchManifest.FileName, cancellationToken));

    [Function("GetPaymentBatchFile")]
    public Task<IResult> GetPaymentBatchFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "payment-batches/{batchId}/files/{name}")] HttpRequest request, string batchId, string name,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, Finance, async () => FileNames.Contains(name, StringComparer.Ordinal)
            ? await ReadAsync(request, batchId, name, cancellationToken)
            : Problems.NotFound($"A batch has no file '{name}'; its files are {string.Join(", ", FileNames)}."));

    /// <summary>Every batch filed for the caller's association, oldest first.</summary>
    private async Task<Ok<PaymentBatchList>> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var batches = new List<JsonObject>();
        await foreach (var batch in settlements.ListBatchesAsync(request.HttpContext.CallingAssociation(), cancellationToken))
        {
            batches.Add(batch);
        }

        return TypedResults.Ok(new PaymentBatchList([.. batches.OrderBy(batch => (string?)batch["createdAt"], StringComparer.Ordinal)]));
    }

    // The file is streamed from Blob Storage as it downloads, so a batch of 10^5 jobs' remittance (some 12 MB) is
    // never held whole; its stored length is sent ahead, so a download shows its progress.
    private async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ReadAsync(HttpRequest request, string batchId, string name, CancellationToken cancellationToken)
    {
        var batch = Identifier.IsValid(batchId) ? await settlements.GetBatchAsync(request.HttpContext.CallingAssociation(), batchId, cancellationToken) : null;
        var file = batch is null ? null : await files.OpenAsync((string)batch["folder"]!, name, cancellationToken);
        if (file is null)
        {
            return Problems.NotFound($"No payment batch '{batchId}'.");
        }

        request.HttpContext.Response.ContentLength = file.Length;
        return TypedResults.Stream(file.Content, file.ContentType, name == BatchManifest.FileName ? null : name);
    }
}

/// <summary>The answer to <c>GET /api/payment-batches</c>: each batch's id, run, dates, folder, totals and flagged payees.</summary>
public sealed record PaymentBatchList(IReadOnlyList<JsonObject> Batches);
