using System.Text.Json.Nodes;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Jobs;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>Associations raise jobs, follow them, and approve or dispute completed work.</summary>
public sealed class JobsApi(ApiGate gate, JobEvents jobEvents, JobDecisions decisions, JobStore jobs, TableLedgerStore ledger, TimeProvider time)
{
    private static readonly string[] RaiseFields = ["jobId", "contractId", "itemCode", "quantity", "priority", "propertyRef", "raisedAt"];
    private static readonly string[] ApprovalFields = ["decision", "occurredAt", "reason"];
    private static readonly string[] Decisions = ["approved", "disputed"];

    [Function("RaiseJob")]
    public Task<IResult> RaiseJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await RaiseAsync(request, cancellationToken));

    [Function("GetJob")]
    public Task<IResult> GetJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{jobId}")] HttpRequest request, string jobId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor), async () => await GetAsync(request, jobId, cancellationToken));

    [Function("ApproveJob")]
    public Task<IResult> ApproveJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/{jobId}/approval")] HttpRequest request, string jobId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await DecideAsync(request, jobId, cancellationToken));

    /// <summary>The one mapping from a job event's outcome to an HTTP answer, for the API and for webhooks.</summary>
    public static Results<Accepted<JobEventAccepted>, Ok<JobEventAccepted>, ProblemHttpResult> ToResponse(JobEventResult result, string jobId) => result switch
    {
        JobEventResult.Recorded recorded => TypedResults.Accepted($"/api/jobs/{jobId}", new JobEventAccepted(jobId, recorded.EventId.Value, recorded.Job.State.WireName(), false)),
        JobEventResult.Duplicate duplicate => TypedResults.Ok(new JobEventAccepted(jobId, duplicate.EventId.Value, null, true)),
        JobEventResult.Refused refused => Problems.Invalid(refused.Errors),
        JobEventResult.Conflict conflict => Problems.Of(ProblemType.InvalidTransition, conflict.Reason),
        _ => Problems.NotFound($"No job '{jobId}'."),
    };

    private async Task<Results<Accepted<JobRaised>, ProblemHttpResult>> RaiseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, RaiseFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var jobId = fields.Id<JobId>("jobId", required: false) ?? TypedId.New<JobId>();
        var contractId = fields.Id<ContractId>("contractId");
        var itemCode = fields.String("itemCode", 64);
        var quantity = fields.Integer("quantity", 1, JobLifecycle.MaxQuantity);
        var priority = fields.String("priority", 32);
        var propertyRef = fields.String("propertyRef", JobLifecycle.MaxPropertyRefLength);
        var raisedAt = fields.Instant("raisedAt");
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        var associationId = request.HttpContext.CallingAssociation();
        var job = new JobRequest(jobId, associationId, contractId!.Value, itemCode!, quantity!.Value, priority!, propertyRef!, raisedAt ?? time.GetUtcNow());
        return await jobEvents.RaiseAsync(new JobRaise(job, IdempotencyKey.Of(request), "association:" + associationId), cancellationToken) switch
        {
            JobEventResult.Recorded recorded => Raised(recorded.Job, recorded.EventId),
            JobEventResult.Duplicate duplicate => Raised(duplicate.Job, duplicate.EventId),
            JobEventResult.Refused refused => Problems.Invalid(refused.Errors),
            JobEventResult.Conflict conflict => Problems.Conflict(conflict.Reason),
            _ => Problems.NotFound($"No job '{jobId}'."),
        };
    }

    private async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(HttpRequest request, string jobId, CancellationToken cancellationToken)
    {
        var associationId = request.HttpContext.CallingAssociation();
        if (!TypedId.TryParse<JobId>(jobId, out var id) || await jobs.GetAsync(associationId, id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"No job '{jobId}'.");
        }

        var events = await Task.WhenAll(stored.Record.Events.Select(async e =>
        {
            var location = await ledger.FindEventAsync(associationId.Value, e.EventId, cancellationToken);
            return new JobEventView(e.EventId, e.Type, UtcTimestamp.Format(e.OccurredAt), UtcTimestamp.Format(e.RecordedAt), e.Actor,
                location is null ? null : new LedgerReference(location.Height, location.Index, $"/api/ledger/{associationId}/receipts/{e.EventId}"));
        }));
        var workOrder = await jobs.GetWorkOrderAsync(associationId, id, cancellationToken);
        var job = stored.Record.Job;
        return TypedResults.Ok(new JobView(
            job.JobId.Value, job.State.WireName(), job.ContractId.Value, job.SupplierId.Value, job.ItemCode, job.Quantity, job.Priority.WireName(),
            job.PropertyRef, UtcTimestamp.Format(job.RaisedAt), UtcTimestamp.Format(job.Deadline), events, workOrder));
    }

    private async Task<Results<Accepted<JobEventAccepted>, Ok<JobEventAccepted>, ProblemHttpResult>> DecideAsync(HttpRequest request, string jobId, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, ApprovalFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var decision = fields.OneOf("decision", Decisions);
        var occurredAt = fields.Instant("occurredAt");
        var reason = fields.String("reason", 2000, required: false);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        if (!TypedId.TryParse<JobId>(jobId, out var id))
        {
            return Problems.NotFound($"No job '{jobId}'.");
        }

        var associationId = request.HttpContext.CallingAssociation();
        var command = new JobDecision(associationId, id, decision == "approved", IdempotencyKey.Of(request), occurredAt, reason);
        return ToResponse(await decisions.DecideAsync(command, cancellationToken), jobId);
    }

    private static Accepted<JobRaised> Raised(Job job, EventId eventId) =>
        TypedResults.Accepted($"/api/jobs/{job.JobId}", new JobRaised(job.JobId.Value, UtcTimestamp.Format(job.Deadline), eventId.Value));
}

public sealed record JobRaised(string JobId, string Deadline, string EventId);

public sealed record JobEventAccepted(string JobId, string EventId, string? State, bool Duplicate);

public sealed record JobView(
    string JobId, string State, string ContractId, string SupplierId, string ItemCode, int Quantity, string Priority, string PropertyRef,
    string RaisedAt, string Deadline, IReadOnlyList<JobEventView> Events, JsonObject? WorkOrder);

public sealed record JobEventView(string EventId, string Type, string OccurredAt, string RecordedAt, string? Actor, LedgerReference? Ledger);

public sealed record LedgerReference(long Height, int Index, string Receipt);
