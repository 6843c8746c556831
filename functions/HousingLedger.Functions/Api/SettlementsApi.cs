using HousingLedger.Functions.Access;
using HousingLedger.Functions.Settlement;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Settlement on demand (SPEC §6): the operator settles every association, an association's admin its own. The
/// run finishes before the answer, which lists the batches it filed.
/// </summary>
public sealed class SettlementsApi(ApiGate gate, SettlementRunner runner, TimeProvider time)
{
    private static readonly string[] RunFields = ["asOf"];

    [Function("RunSettlement")]
    public Task<IResult> RunSettlement(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "settlements")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator, ApiRole.Admin), async () => await RunAsync(request.HttpContext, cancellationToken));

    private async Task<Results<Ok<SettlementAnswer>, ProblemHttpResult>> RunAsync(HttpContext context, CancellationToken cancellationToken)
    {
        DateTimeOffset? asOf = null;
        if (RequestBody.IsPresent(context.Request))
        {
            var (fields, unreadable) = await RequestBody.OpenAsync(context.Request, RunFields, cancellationToken);
            if (fields is null)
            {
                return unreadable!;
            }

            asOf = fields.Instant("asOf");
            if (!fields.IsValid)
            {
                return Problems.Invalid(fields.Errors);
            }
        }

        var now = time.GetUtcNow();
        if (asOf > now)
        {
            return Problems.Invalid("asOf", $"must not be after the service's clock ({UtcTimestamp.Format(now)}); found {UtcTimestamp.Format(asOf.Value)}");
        }

        var outcome = context.Caller() is AssociationCaller association
            ? await runner.RunAsync(asOf ?? now, [association.AssociationId], cancellationToken)
            : await runner.RunForAllAsync(asOf ?? now, cancellationToken);
        return TypedResults.Ok(new SettlementAnswer(
            outcome.RunId,
            UtcTimestamp.Format(outcome.AsOf),
            [.. outcome.Batches.Select(batch => new SettledBatch(batch.AssociationId.Value, batch.BatchId, batch.NumberOfJobs, batch.ControlSum, batch.ManifestSha256))],
            [.. outcome.Held.Select(job => new HeldPayment(job.AssociationId.Value, job.JobId.Value, job.SupplierId.Value, job.ChangeEventId.Value))]));
    }
}

/// <summary><c>POST /api/settlements</c>, optional: settle as of <c>asOf</c> (an ISO 8601 UTC instant, not in the future), else now.</summary>
public sealed record RunSettlementBody(string? AsOf);

/// <summary>The answer to <c>POST /api/settlements</c>.</summary>
public sealed record SettlementAnswer(string RunId, string AsOf, IReadOnlyList<SettledBatch> Batches, IReadOnlyList<HeldPayment> Held);

/// <summary>A job the run held back until its association confirms the supplier's bank-detail change <c>changeEventId</c>.</summary>
public sealed record HeldPayment(string AssociationId, string JobId, string SupplierId, string ChangeEventId);

/// <summary>A batch a settlement filed: whose, how many jobs, the total in pence, and the manifest's hash on the ledger.</summary>
public sealed record SettledBatch(string AssociationId, string BatchId, int NumberOfJobs, long ControlSum, string ManifestSha256);
