using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The load itself: a fixed number of workers, each taking a job through its day (<see cref="LoadMix"/>): raised by
/// the association's admin, accepted and completed by the supplier's signed webhooks, approved by the admin; until
/// the job count or the time limit is reached. Over a day every job passes through each step once, so the events
/// come in equal parts, interleaved across the workers. Jobs go to the associations in turn, and to
/// <paramref name="clients"/> (hosts) in turn. Every event id is chosen here (the <c>Idempotency-Key</c>, the
/// webhook's <c>webhook-id</c>), so an event whose answer was lost can still be recognised on the chain. With
/// <see cref="RetryFor"/> a request that got no answer or a 5xx is sent again with the same event id, as a client
/// riding out a crash would.
/// </summary>
public sealed class LoadPhase(IReadOnlyList<ServiceClient> clients, Estate estate, string runTag, LoadMix mix)
{
    private static readonly TimeSpan ResendPause = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> accepted = new();
    private readonly ConcurrentBag<string> unanswered = [];
    private readonly ConcurrentDictionary<string, long> raisedAt = new();
    private long lastAcceptedTicks;
    private int nextJob = -1;
    private int resent;

    public LoadPhase(ServiceClient client, Estate estate, string runTag, LoadMix mix)
        : this([client], estate, runTag, mix)
    {
    }

    public RequestLog Raises { get; } = new("POST /api/jobs");

    public RequestLog Acceptances { get; } = new("POST /api/webhooks/suppliers/{id} (job.accepted)");

    public RequestLog Completions { get; } = new("POST /api/webhooks/suppliers/{id} (job.completed)");

    public RequestLog Approvals { get; } = new("POST /api/jobs/{id}/approval (approved)");

    /// <summary>Every kind of request the mix sends.</summary>
    public IReadOnlyList<RequestLog> Logs => mix == LoadMix.Full ? [Raises, Acceptances, Completions, Approvals] : [Raises, Acceptances];

    public int AcceptedEvents => Logs.Sum(log => log.Accepted);

    /// <summary>When each job's raise was answered 202, as <see cref="Stopwatch.GetTimestamp"/>, by job id.</summary>
    public IReadOnlyDictionary<string, long> RaisedAt => raisedAt;

    /// <summary>How long a request with no answer or a 5xx is resent with the same event id; zero sends once.</summary>
    public TimeSpan RetryFor { get; init; }

    /// <summary>Events acknowledged so far: answered 202, or found durable (a duplicate) when resent.</summary>
    public int Acknowledged => accepted.Values.Sum(ids => ids.Count);

    /// <summary>Requests sent again after no answer or a 5xx.</summary>
    public int Resent => resent;

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
            var client = clients[job % clients.Count];
            var jobId = $"job_{runTag}_{job}";
            var raiseId = $"raise_{runTag}_{job}";
            if (!await SendAsync(Raises, association, raiseId, () => client.PostAsync("/api/jobs", association.ApiKey, RaiseBody(association, jobId), raiseId, cancellationToken), cancellationToken))
            {
                continue;
            }

            raisedAt[jobId] = Stopwatch.GetTimestamp();
            var acceptanceId = $"acc_{runTag}_{job}";
            if (!await SendAsync(Acceptances, association, acceptanceId, () => client.SendSupplierEventAsync(estate.Supplier, acceptanceId, SupplierEvent("job.accepted", jobId, new JsonObject()), cancellationToken), cancellationToken)
                || mix == LoadMix.RaiseAccept)
            {
                continue;
            }

            var completionId = $"cmp_{runTag}_{job}";
            var evidence = new JsonObject { ["serialNumber"] = $"SN-{runTag}-{job}" };
            if (await SendAsync(Completions, association, completionId, () => client.SendSupplierEventAsync(estate.Supplier, completionId, SupplierEvent("job.completed", jobId, evidence.DeepClone().AsObject()), cancellationToken), cancellationToken))
            {
                var approvalId = $"apr_{runTag}_{job}";
                var approval = new JsonObject { ["decision"] = "approved" };
                await SendAsync(Approvals, association, approvalId, () => client.PostAsync($"/api/jobs/{jobId}/approval", association.ApiKey, approval, approvalId, cancellationToken), cancellationToken);
            }
        }
    }

    /// <summary>Sends one event, resending it with the same id while <see cref="RetryFor"/> allows; answers whether it is acknowledged.</summary>
    private async Task<bool> SendAsync(RequestLog log, AssociationAccount association, string eventId, Func<Task<Answer>> send, CancellationToken cancellationToken)
    {
        var answer = await send();
        var giveUpAt = Clock.Elapsed + RetryFor;
        var wasResent = false;
        while (answer.Status is 0 or >= 500 && Clock.Elapsed < giveUpAt)
        {
            unanswered.Add(eventId);
            await Task.Delay(ResendPause, cancellationToken);
            Interlocked.Increment(ref resent);
            wasResent = true;
            answer = await send();
        }

        // A resent event that an earlier attempt had made durable is answered as a duplicate: acknowledged all the same.
        if (wasResent && answer.Status == 200 && (bool?)answer.Json["duplicate"] == true)
        {
            answer = answer with { Status = 202 };
        }

        return Note(log, answer, association, eventId);
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

    private static JsonObject SupplierEvent(string type, string jobId, JsonObject data) =>
        new() { ["type"] = type, ["jobId"] = jobId, ["data"] = data };

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
