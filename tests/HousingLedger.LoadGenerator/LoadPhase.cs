using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The load itself: a fixed number of workers, each raising a job and then sending the supplier's signed
/// <c>job.accepted</c> for it, until the job count or the time limit is reached. Jobs go to the associations in turn.
/// Every event id is chosen here (the raise's <c>Idempotency-Key</c>, the webhook's <c>webhook-id</c>), so an event
/// whose answer was lost can still be recognised on the chain. With <see cref="CompleteAndApprove"/> each job is
/// also completed by the supplier and approved by its association, so settlement has work to pay; with
/// <see cref="RetryFor"/> a request that got no answer or a 5xx is sent again with the same event id, as a client
/// riding out a crash would. Jobs go to <paramref name="clients"/> (hosts) in turn as well.
/// </summary>
public sealed class LoadPhase(IReadOnlyList<ServiceClient> clients, Estate estate, string runTag)
{
    private static readonly TimeSpan ResendPause = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> accepted = new();
    private readonly ConcurrentBag<string> unanswered = [];
    private long lastAcceptedTicks;
    private int nextJob = -1;
    private int resent;

    public LoadPhase(ServiceClient client, Estate estate, string runTag)
        : this([client], estate, runTag)
    {
    }

    public RequestLog Raises { get; } = new("POST /api/jobs");

    public RequestLog Acceptances { get; } = new("POST /api/webhooks/suppliers/{id} (job.accepted)");

    public RequestLog Completions { get; } = new("POST /api/webhooks/suppliers/{id} (job.completed)");

    public RequestLog Approvals { get; } = new("POST /api/jobs/{id}/approval");

    /// <summary>Whether each accepted job is also completed and approved (four events a job instead of two).</summary>
    public bool CompleteAndApprove { get; init; }

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
            var client = clients[job % clients.Count];
            var jobId = $"job_{runTag}_{job}";
            var raiseId = $"raise_{runTag}_{job}";
            if (!await SendAsync(Raises, association, raiseId, () => client.PostAsync("/api/jobs", association.ApiKey, RaiseBody(association, jobId), raiseId, cancellationToken), cancellationToken))
            {
                continue;
            }

            var acceptanceId = $"acc_{runTag}_{job}";
            if (!await SendAsync(Acceptances, association, acceptanceId, () => client.SendSupplierEventAsync(estate.Supplier, acceptanceId, SupplierEvent("job.accepted", jobId), cancellationToken), cancellationToken)
                || !CompleteAndApprove)
            {
                continue;
            }

            var completionId = $"cmp_{runTag}_{job}";
            if (await SendAsync(Completions, association, completionId, () => client.SendSupplierEventAsync(estate.Supplier, completionId, SupplierEvent("job.completed", jobId), cancellationToken), cancellationToken))
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

    private static JsonObject SupplierEvent(string type, string jobId) => new() { ["type"] = type, ["jobId"] = jobId, ["data"] = new JsonObject() };

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
