using HousingLedger.Functions.Access;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// The association's jobs a page at a time, newest raised first, filtered as its staff ask (SPEC §13), with the
/// jobs that need them marked: overdue, and awaiting their approval. Read from <see cref="JobListIndex"/>.
/// </summary>
public sealed class JobListApi(ApiGate gate, JobListIndex list, TimeProvider time)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    [Function("ListJobs")]
    public Task<IResult> ListJobs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor), async () => await ListAsync(request, cancellationToken));

    private async Task<Results<Ok<JobList>, ProblemHttpResult>> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = QueryParameters.Of(request);
        var state = parameters.Parsed<JobState>("state", JobStates.TryParse, "one of " + string.Join(", ", JobStates.WireNames));
        var supplierId = parameters.Id<SupplierId>("supplierId");
        var contractId = parameters.Id<ContractId>("contractId");
        var priority = parameters.Parsed<Priority>("priority", Priorities.TryParse, Priorities.Rule);
        var overdue = parameters.Boolean("overdue");
        var raisedFrom = parameters.Instant("raisedFrom");
        var raisedTo = parameters.Instant("raisedTo");
        var limit = parameters.Integer("limit", 1, MaxLimit) ?? DefaultLimit;
        var cursor = parameters.Parsed<JobListCursor>("cursor", JobListCursor.TryParse, "a cursor from the 'next' of an earlier page");
        if (!parameters.IsValid)
        {
            return Problems.Invalid(parameters.Errors);
        }

        var now = time.GetUtcNow();
        var query = new JobListQuery(raisedFrom, raisedTo, new JobListFilter(state, supplierId, contractId, priority, overdue));
        var page = await list.PageAsync(request.HttpContext.CallingAssociation(), query, cursor, limit, now, cancellationToken);
        return TypedResults.Ok(new JobList([.. page.Jobs.Select(job => JobListEntry.Of(job, now))], page.Next?.ToString()));
    }
}

/// <summary>A page of <c>GET /api/jobs</c>; <paramref name="Next"/> is the cursor to ask for the next page with, null on the last.</summary>
public sealed record JobList(IReadOnlyList<JobListEntry> Jobs, string? Next);

/// <summary>One job of the list, with what makes it stand out.</summary>
public sealed record JobListEntry(
    string JobId, string State, string ContractId, string SupplierId, string ItemCode, string Priority, string PropertyRef,
    string RaisedAt, string Deadline, bool Overdue, bool AwaitingApproval)
{
    public static JobListEntry Of(Job job, DateTimeOffset now) => new(
        job.JobId.Value, job.State.WireName(), job.ContractId.Value, job.SupplierId.Value, job.ItemCode, job.Priority.WireName(), job.PropertyRef,
        UtcTimestamp.Format(job.RaisedAt), UtcTimestamp.Format(job.Deadline), JobAttention.IsOverdue(job, now), JobAttention.IsAwaitingApproval(job));
}
