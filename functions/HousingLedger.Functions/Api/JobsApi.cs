using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Functions.Api.Auth;
using HousingLedger.Functions.Jobs;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>Associations raise jobs, follow them, and approve or dispute completed work.</summary>
public sealed class JobsApi(
    ApiGate gate, StateStore state, DirectoryStore directory, EventIntake intake, TableLedgerStore ledger, JobEvents jobEvents, TimeProvider time)
{
    private static readonly string[] RaiseFields = ["jobId", "contractId", "itemCode", "quantity", "priority", "propertyRef", "raisedAt"];
    private static readonly string[] ApprovalFields = ["decision", "occurredAt", "reason"];
    private static readonly string[] Decisions = ["approved", "disputed"];

    [Function("RaiseJob")]
    public Task<IResult> RaiseJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await RaiseAsync(request.HttpContext, state, directory, intake, time, cancellationToken));

    [Function("GetJob")]
    public Task<IResult> GetJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{jobId}")] HttpRequest request, string jobId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor), async () => await GetAsync(jobId, request.HttpContext, state, ledger, cancellationToken));

    [Function("ApproveJob")]
    public Task<IResult> ApproveJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/{jobId}/approval")] HttpRequest request, string jobId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await DecideAsync(jobId, request.HttpContext, jobEvents, cancellationToken));

    public static async Task<Results<Accepted<JobRaised>, ProblemHttpResult>> RaiseAsync(
        HttpContext context, StateStore state, DirectoryStore directory, EventIntake intake, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(context.Request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var associationId = context.Caller().AssociationId!;
        var fields = RequestFields.Open(body.Json, RaiseFields);
        var jobId = fields.Identifier("jobId", required: false) ?? Identifier.New("job");
        var contractId = fields.Identifier("contractId");
        var itemCode = fields.String("itemCode", 64);
        var quantity = fields.Integer("quantity", 1, JobLifecycle.MaxQuantity);
        var priority = fields.String("priority", 32);
        var propertyRef = fields.String("propertyRef", JobLifecycle.MaxPropertyRefLength);
        var raisedAt = fields.Instant("raisedAt");
        var contract = contractId is null ? null : await ContractsApi.FindAsync(state, associationId, contractId, cancellationToken);
        if (contractId is not null && contract is null)
        {
            fields.Add(new FieldError("contractId", $"no contract '{contractId}' is registered to or shared with this association"));
        }

        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        var now = time.GetUtcNow();
        var request = new JobRequest(jobId, associationId, contractId!, itemCode!, quantity!.Value, priority!, propertyRef!, raisedAt ?? now);
        var raised = JobLifecycle.Raise(request, contract!.Terms, now);
        if (!raised.IsValid)
        {
            return Problems.Invalid(raised.Errors);
        }

        var job = raised.Value;
        if (!await ClaimJobIdAsync(directory, job, cancellationToken))
        {
            return Problems.Conflict($"Job id '{jobId}' is taken by another association's job.");
        }

        var data = new JsonObject
        {
            ["contractId"] = job.ContractId,
            ["termsHash"] = contract.TermsHash,
            ["supplierId"] = job.SupplierId,
            ["itemCode"] = job.ItemCode,
            ["quantity"] = job.Quantity,
            ["priority"] = job.Priority.WireName(),
            ["propertyRef"] = job.PropertyRef,
            ["deadline"] = UtcTimestamp.Format(job.Deadline),
        };
        var tx = intake.NewTransaction(JobEventTypes.Raised, associationId, IdempotencyKey.Of(context.Request), job.RaisedAt, ActorOf(context), job.JobId, data, now);
        var record = new JobRecord(job, [new JobEventEntry(tx.EventId, tx.Type, tx.OccurredAt, tx.RecordedAt)], tx.RecordedAt);
        var outcome = await intake.AcceptAsync(tx, [StateChange.Create(Chains.JobRow(job.JobId), record.ToDocument()), .. ContractJobIndex.Changes(null, job)], cancellationToken);
        return outcome switch
        {
            AcceptOutcome.Accepted => TypedResults.Accepted($"/api/jobs/{job.JobId}", new JobRaised(job.JobId, UtcTimestamp.Format(job.Deadline), tx.EventId)),
            AcceptOutcome.AlreadyExists => await ExistingRaiseAsync(state, associationId, job.JobId, cancellationToken),
            _ => Problems.Conflict($"The Idempotency-Key '{tx.EventId}' was used before for another event."),
        };
    }

    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(
        string jobId, HttpContext context, StateStore state, TableLedgerStore ledger, CancellationToken cancellationToken)
    {
        var associationId = context.Caller().AssociationId!;
        if (!Identifier.IsValid(jobId))
        {
            return Problems.NotFound($"No job '{jobId}'.");
        }

        var stored = await state.GetAsync(associationId, Chains.JobRow(jobId), cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound($"No job '{jobId}'.");
        }

        var record = JobRecord.FromDocument(stored.Document);
        var events = await Task.WhenAll(record.Events.Select(async e =>
        {
            var location = await ledger.FindEventAsync(associationId, e.EventId, cancellationToken);
            return new JobEventView(e.EventId, e.Type, UtcTimestamp.Format(e.OccurredAt), UtcTimestamp.Format(e.RecordedAt),
                location is null ? null : new LedgerReference(location.Height, location.Index, $"/api/ledger/{associationId}/receipts/{e.EventId}"));
        }));
        var workOrder = await state.GetAsync(associationId, Chains.WorkOrderRow(jobId), cancellationToken);
        var job = record.Job;
        return TypedResults.Ok(new JobView(
            job.JobId, job.State.ToString().ToLowerInvariant(), job.ContractId, job.SupplierId, job.ItemCode, job.Quantity, job.Priority.WireName(),
            job.PropertyRef, UtcTimestamp.Format(job.RaisedAt), UtcTimestamp.Format(job.Deadline), events, workOrder?.Document));
    }

    public static async Task<Results<Accepted<JobEventAccepted>, Ok<JobEventAccepted>, ProblemHttpResult>> DecideAsync(
        string jobId, HttpContext context, JobEvents jobEvents, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(context.Request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var fields = RequestFields.Open(body.Json, ApprovalFields);
        var decision = fields.OneOf("decision", Decisions);
        var occurredAt = fields.Instant("occurredAt");
        var reason = fields.String("reason", 2000, required: false);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        if (!Identifier.IsValid(jobId))
        {
            return Problems.NotFound($"No job '{jobId}'.");
        }

        var associationId = context.Caller().AssociationId!;
        var data = new JsonObject();
        JsonObject? offLedger = null;
        if (reason is not null)
        {
            (var commitment, offLedger) = OffLedgerText.Keep(reason);
            data["reasonCommitment"] = commitment;
        }

        var command = new JobEventCommand(associationId, jobId, "job." + decision, IdempotencyKey.Of(context.Request), occurredAt, ActorOf(context), data)
        {
            ExtraChanges = eventId => offLedger is null ? [] : [StateChange.Create(Chains.FreeTextRow(eventId), offLedger)],
        };
        return ToResponse(await jobEvents.RecordAsync(command, cancellationToken), jobId);
    }

    /// <summary>The one mapping from a job event's outcome to an HTTP answer, for the API and for webhooks.</summary>
    public static Results<Accepted<JobEventAccepted>, Ok<JobEventAccepted>, ProblemHttpResult> ToResponse(JobEventResult result, string jobId) => result.Status switch
    {
        JobEventStatus.Recorded => TypedResults.Accepted($"/api/jobs/{jobId}", new JobEventAccepted(jobId, result.EventId!, result.State!.Value.ToString().ToLowerInvariant(), false)),
        JobEventStatus.Duplicate => TypedResults.Ok(new JobEventAccepted(jobId, result.EventId!, null, true)),
        JobEventStatus.NotFound => Problems.NotFound($"No job '{jobId}'."),
        JobEventStatus.Refused => Problems.Invalid([result.Invalid!]),
        _ => Problems.Of(ProblemType.InvalidTransition, result.Conflict!),
    };

    private static string ActorOf(HttpContext context) => "association:" + context.Caller().AssociationId;

    /// <summary>Claims a job id across the service (webhooks name only the job); a retry of the same raise keeps its claim.</summary>
    private static async Task<bool> ClaimJobIdAsync(DirectoryStore directory, Job job, CancellationToken cancellationToken)
    {
        var entry = new JsonObject { ["associationId"] = job.AssociationId, ["supplierId"] = job.SupplierId };
        if (await directory.TryCreateAsync(DirectoryKind.Job, job.JobId, entry, cancellationToken))
        {
            return true;
        }

        var existing = await directory.GetAsync(DirectoryKind.Job, job.JobId, cancellationToken);
        return (string?)existing?["associationId"] == job.AssociationId;
    }

    private static async Task<Results<Accepted<JobRaised>, ProblemHttpResult>> ExistingRaiseAsync(
        StateStore state, string associationId, string jobId, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync(associationId, Chains.JobRow(jobId), cancellationToken);
        var record = JobRecord.FromDocument(stored!.Document);
        return TypedResults.Accepted($"/api/jobs/{jobId}", new JobRaised(jobId, UtcTimestamp.Format(record.Job.Deadline), record.Events[0].EventId));
    }
}

public sealed record JobRaised(string JobId, string Deadline, string EventId);

public sealed record JobEventAccepted(string JobId, string EventId, string? State, bool Duplicate);

public sealed record JobView(
    string JobId, string State, string ContractId, string SupplierId, string ItemCode, int Quantity, string Priority, string PropertyRef,
    string RaisedAt, string Deadline, IReadOnlyList<JobEventView> Events, JsonObject? WorkOrder);

public sealed record JobEventView(string EventId, string Type, string OccurredAt, string RecordedAt, LedgerReference? Ledger);

public sealed record LedgerReference(long Height, int Index, string Receipt);
