using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The load itself: a fixed number of workers, each raising a job and then sending the supplier's signed
/// <c>job.accepted</c> for it, until the job count or the time limit is reached. Jobs go to the associations in turn.
/// Every event id is chosen here (the raise's <c>Idempotency-Key</c>, the webhook's <c>webhook-id</c>), so an event
/// whose answer was lost can still be recognised on the chain.
/// </summary>
public sealed class LoadPhase(ServiceClient client, Estate estate, string runTag)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> accepted = new();
    private readonly ConcurrentBag<string> unanswered = [];
    private long lastAcceptedTicks;
    private int nextJob = -1;

    public RequestLog Raises { get; } = new("POST /api/jobs");

    public RequestLog Acceptances { get; } = new("POST /api/webhooks/suppliers/{id} (job.accepted)");

    /// <summary>The event ids answered 202, by association.</summary>
    public IReadOnlyDictionary<string, ConcurrentBag<string>> AcceptedEventIds => accepted;

    /// <summary>Event ids sent that got no answer or a 5xx: they may or may not be on the chain.</summary>
    public IReadOnlyCollection<string> UnansweredEventIds => unanswered;

    /// <summary>From the first request to the last 202.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The stopwatch reading of the last 202, on <see cref="Clock"/>.</summary>
    public TimeSpan LastAcceptedAt => TimeSpan.FromTicks(Interlocked.Read(ref lastAcceptedTicks));

    public Stopwatch Clock { get; } = new();

    public async Task RunAsync(int jobs, int concurrency, TimeSpan limit, CancellationToken cancellationToken)
    {
        foreach (var association in estate.Associations)
        {
            accepted[association.AssociationId] = [];
        }

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

            var acceptanceId = $"acc_{runTag}_{job}";
            var body = new JsonObject { ["type"] = "job.accepted", ["jobId"] = jobId, ["data"] = new JsonObject() };
            Note(Acceptances, await client.SendSupplierEventAsync(estate.Supplier, acceptanceId, body, cancellationToken), association, acceptanceId);
        }
    }

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
