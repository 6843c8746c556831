using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The load itself: a fixed number of workers, each taking a job through its day (<see cref="LoadMix"/>): raised by
/// the association's admin, accepted and completed by the supplier's signed webhooks, approved by the admin; until
/// the job count or the time limit is reached. Over a day every job passes through each step once, so the events
/// come in equal parts, interleaved across the workers. Jobs go to the associations in turn. Every event id is
/// chosen here (the <c>Idempotency-Key</c>, the webhook's <c>webhook-id</c>), so an event whose answer was lost
/// can still be recognised on the chain.
/// </summary>
public sealed class LoadPhase(ServiceClient client, Estate estate, string runTag, LoadMix mix)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> accepted = new();
    private readonly ConcurrentBag<string> unanswered = [];
    private readonly ConcurrentDictionary<string, long> raisedAt = new();
    private long lastAcceptedTicks;
    private int nextJob = -1;

    public RequestLog Raises { get; } = new("POST /api/jobs");

    public RequestLog Acceptances { get; } = new("POST /api/webhooks/suppliers/{id} (job.accepted)");

    public RequestLog Completions { get; } = new("POST /api/webhooks/suppliers/{id} (job.completed)");

    public RequestLog Approvals { get; } = new("POST /api/jobs/{id}/approval (approved)");

    /// <summary>Every kind of request the mix sends.</summary>
    public IReadOnlyList<RequestLog> Logs => mix == LoadMix.Full ? [Raises, Acceptances, Completions, Approvals] : [Raises, Acceptances];

    public int AcceptedEvents => Logs.Sum(log => log.Accepted);

    /// <summary>When each job's raise was answered 202, as <see cref="Stopwatch.GetTimestamp"/>, by job id.</summary>
    public IReadOnlyDictionary<string, long> RaisedAt => raisedAt;

    /// <summary>The event ids answered 202, by association.</summary>
    public IReadOnlyDictionary<string, ConcurrentBag<string>> AcceptedEventIds => accepted;

    /// <summary>Event ids sent that got no answer or a 5xx: they may or may not be on the chain.</summary>
    public IReadOnlyCollection<string> UnansweredEventIds => unanswered;

    /// <summary>From the first request to the last 202.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The stopwatch reading of the last 202, on <see cref="Clock"/>.</summary>
    public TimeSpan LastAcceptedAt => TimeSpan.FromTicks(Interlocked.Read(ref lastAcceptedTicks));

    public Stopwatch Clock { get; } = new();

    /// <summary>When <see cref="Clock"/> started, as <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public long StartedAt { get; private set; }

    /// <summary>The last 202, as <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public long LastAcceptedTimestamp => StartedAt + (long)(LastAcceptedAt.TotalSeconds * Stopwatch.Frequency);

    public async Task RunAsync(int jobs, int concurrency, TimeSpan limit, CancellationToken cancellationToken)
    {
        foreach (var association in estate.Associations)
        {
            accepted[association.AssociationId] = [];
        }

        StartedAt = Stopwatch.GetTimestamp();
        Clock.Start();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(jobs, limit, cancellationToken), cancellationToken));
        await Task.WhenAll(workers);
        Elapsed = LastAcceptedAt;
    }

    private async Task WorkAsync(int jobs, TimeSpan limit, CancellationToken cancellationToken)
    {
        int job;
        while ((job = Interlocked.Increment(ref nextJob)) < jobs && Clock.Elapsed < limit && !cancellationToken.IsCancellationRequested)
        {
            var association = estate.Associations[job % estate.Associations.Count];
            var jobId = $"job_{runTag}_{job}";
            var raiseId = $"raise_{runTag}_{job}";
            var raised = await client.PostAsync("/api/jobs", association.ApiKey, RaiseBody(association, jobId), raiseId, cancellationToken);
            if (!Note(Raises, raised, association, raiseId))
            {
                continue;
            }

            raisedAt[jobId] = Stopwatch.GetTimestamp();
            var acceptanceId = $"acc_{runTag}_{job}";
            var accepted = await client.SendSupplierEventAsync(estate.Supplier, acceptanceId, SupplierEvent("job.accepted", jobId, new JsonObject()), cancellationToken);
            if (!Note(Acceptances, accepted, association, acceptanceId) || mix == LoadMix.RaiseAccept)
            {
                continue;
            }

            var completionId = $"cmp_{runTag}_{job}";
            var evidence = new JsonObject { ["serialNumber"] = $"SN-{runTag}-{job}" };
            var completed = await client.SendSupplierEventAsync(estate.Supplier, completionId, SupplierEvent("job.completed", jobId, evidence), cancellationToken);
            if (!Note(Completions, completed, association, completionId))
            {
                continue;
            }

            var approvalId = $"apr_{runTag}_{job}";
            var approval = new JsonObject { ["decision"] = "approved" };
            Note(Approvals, await client.PostAsync($"/api/jobs/{jobId}/approval", association.ApiKey, approval, approvalId, cancellationToken), association, approvalId);
        }
    }

    private static JsonObject SupplierEvent(string type, string jobId, JsonObject data) =>
        new() { ["type"] = type, ["jobId"] = jobId, ["data"] = data };

    private bool Note(RequestLog log, Answer answer, AssociationAccount association, string eventId)
    {
        if (log.Record(answer))
        {
            accepted[association.AssociationId].Add(eventId);
            var now = Clock.Elapsed.Ticks;
            long seen;
            while ((seen = Interlocked.Read(ref lastAcceptedTicks)) < now && Interlocked.CompareExchange(ref lastAcceptedTicks, now, seen) != seen)
            {
            }

            return true;
        }

        if (answer.Status is 0 or >= 500)
        {
            unanswered.Add(eventId);
        }

        return false;
    }

    private static JsonObject RaiseBody(AssociationAccount association, string jobId) => new()
    {
        ["jobId"] = jobId,
        ["contractId"] = association.ContractId,
        ["itemCode"] = Estate.ItemCode,
        ["quantity"] = 1,
        ["priority"] = "routine",
        ["propertyRef"] = "UPRN-200004567890",
    };
}
