using System.Text.Json.Nodes;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Jobs;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>The free text a job's events keep off the ledger: read it with its salt and commitment, or erase it.</summary>
public sealed class JobTextsApi(ApiGate gate, TextErasure erasure)
{
    [Function("GetJobEventText")]
    public Task<IResult> GetJobEventText(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{jobId}/events/{eventId}/text")] HttpRequest request, string jobId, string eventId,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor), async () => await ReadAsync(request, jobId, eventId, cancellationToken));

    [Function("EraseJobTexts")]
    public Task<IResult> EraseJobTexts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/{jobId}/erasure")] HttpRequest request, string jobId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await EraseAsync(request, jobId, cancellationToken));

    private async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ReadAsync(HttpRequest request, string jobId, string eventId, CancellationToken cancellationToken)
    {
        if (!TypedId.TryParse<JobId>(jobId, out var job) || !TypedId.TryParse<EventId>(eventId, out var id))
        {
            return NoText(jobId, eventId);
        }

        return await erasure.ReadAsync(request.HttpContext.CallingAssociation(), job, id, cancellationToken) switch
        {
            KeptTextResult.Kept kept => TypedResults.Ok(new JsonObject
            {
                ["jobId"] = jobId,
                ["eventId"] = eventId,
                ["text"] = kept.Row["text"]!.DeepClone(),
                ["salt"] = kept.Row["salt"]!.DeepClone(),
                ["commitment"] = kept.Row["commitment"]!.DeepClone(),
            }),
            KeptTextResult.Erased erased => Problems.Of(
                ProblemType.Gone,
                $"The text of event '{eventId}' was erased at {UtcTimestamp.Format(erased.Erasure.ErasedAt)}, as event '{erased.Erasure.EventId}' records on the chain."),
            _ => NoText(jobId, eventId),
        };
    }

    private async Task<Results<Ok<ErasureView>, ProblemHttpResult>> EraseAsync(HttpRequest request, string jobId, CancellationToken cancellationToken)
    {
        if (await RequestBody.RefuseAnyMembersAsync(request, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!TypedId.TryParse<JobId>(jobId, out var job))
        {
            return Problems.NotFound($"No job '{jobId}'.");
        }

        return await erasure.EraseAsync(request.HttpContext.CallingAssociation(), job, IdempotencyKey.Of(request), cancellationToken) switch
        {
            ErasureResult.Erased erased => TypedResults.Ok(new ErasureView(
                jobId, erased.Erasure.EventId, UtcTimestamp.Format(erased.Erasure.ErasedAt), erased.Erasure.TextsOf)),
            ErasureResult.NothingKept => Problems.Conflict($"Job '{jobId}' keeps no text off the ledger, and none was erased."),
            ErasureResult.Conflict conflict => Problems.Conflict(conflict.Reason),
            _ => Problems.NotFound($"No job '{jobId}'."),
        };
    }

    private static ProblemHttpResult NoText(string jobId, string eventId) =>
        Problems.NotFound($"Job '{jobId}' has no event '{eventId}' that kept text off the ledger.");
}

/// <summary>An erasure: the <c>data.erased</c> event that records it, when, and the events whose text it erased.</summary>
public sealed record ErasureView(string JobId, string EventId, string ErasedAt, IReadOnlyList<string> Erased);
