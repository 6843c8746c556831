using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// Duplicate and out-of-order webhooks: raises jobs, then delivers every supplier event of each (its
/// <c>job.accepted</c> and <c>job.completed</c>) twice, all shuffled together and sent concurrently, so that
/// duplicates race each other and completions arrive before their acceptance. The service must refuse what the
/// job's state does not allow (409) and record nothing for it; a second round then redelivers, in order, each
/// event never acknowledged, as a supplier's retry would, and it must land. Held: every event on its chain
/// exactly once, nothing else there, every chain verifying, and no answer but 202, 200 (duplicate) or 409.
/// </summary>
public static class DuplicatesRun
{
    public static async Task<FaultVerdict> RunAsync(InputFaultOptions options, TextWriter report, CancellationToken cancellationToken)
    {
        report.WriteLine(FormattableString.Invariant($"duplicates: seed {options.Seed}, {options.Jobs} jobs, {options.Concurrency} deliveries at once, against {options.ServiceUrl}"));
        using var client = new ServiceClient(options.ServiceUrl);
        await using var workOrders = WorkOrderSink.Start();
        var runTag = "dp" + Guid.NewGuid().ToString("N")[..8];
        var estate = await Estate.SetUpAsync(client, options.OperatorKey, workOrders.Url, 2, runTag, cancellationToken);

        // Raised first, in order: what is redelivered is the supplier's side only.
        var jobs = new List<(AssociationAccount Association, string JobId, string RaiseId)>();
        for (var n = 0; n < options.Jobs; n++)
        {
            var association = estate.Associations[n % estate.Associations.Count];
            var (jobId, raiseId) = ($"job_{runTag}_{n}", $"raise_{runTag}_{n}");
            var raised = await client.PostAsync("/api/jobs", association.ApiKey, new JsonObject
            {
                ["jobId"] = jobId,
                ["contractId"] = association.ContractId,
                ["itemCode"] = Estate.ItemCode,
                ["quantity"] = 1,
                ["priority"] = "routine",
                ["propertyRef"] = "UPRN-1",
            }, raiseId, cancellationToken);
            if (raised.Status != 202)
            {
                throw new SetupFailedException($"Could not raise job {jobId}: {raised.Status} {raised.Body}");
            }

            jobs.Add((association, jobId, raiseId));
        }

        var events = jobs.SelectMany(j => new[] { new SupplierEvent(j.Association, j.JobId, "job.accepted", $"acc_{j.JobId}"), new SupplierEvent(j.Association, j.JobId, "job.completed", $"cmp_{j.JobId}") }).ToList();
        var deliveries = events.Concat(events).ToArray();
        new Random(options.Seed).Shuffle(deliveries);

        var answers = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
        var findings = new ConcurrentQueue<string>();
        var completedBeforeAccepted = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < deliveries.Length && !cancellationToken.IsCancellationRequested)
            {
                var status = await DeliverAsync(client, estate, deliveries[i], answers, findings, cancellationToken);
                if (status == 409 && deliveries[i].Type == "job.completed")
                {
                    Interlocked.Increment(ref completedBeforeAccepted);
                }
            }
        }, cancellationToken)));

        // A supplier retries what was never acknowledged, now in its job's order.
        var redelivered = 0;
        await Parallel.ForEachAsync(
            events.GroupBy(e => e.JobId),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (job, token) =>
            {
                foreach (var e in job.Where(e => !Acknowledged(answers, e.EventId)))
                {
                    Interlocked.Increment(ref redelivered);
                    var status = await DeliverAsync(client, estate, e, answers, findings, token);
                    if (status is not (202 or 200))
                    {
                        findings.Enqueue($"{e.EventId} redelivered in order was refused ({status})");
                    }
                }
            });

        var acknowledged = estate.Associations.ToDictionary(
            a => a.AssociationId,
            a => (IReadOnlySet<string>)jobs.Where(j => j.Association == a).Select(j => j.RaiseId)
                .Concat(events.Where(e => e.Association == a && Acknowledged(answers, e.EventId)).Select(e => e.EventId))
                .Append(a.ContractEventId).ToHashSet(StringComparer.Ordinal));
        var uncertain = answers.Where(a => a.Value.Any(s => s is 0 or >= 500)).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var drained = await ChainDrain.WaitAsync(client, estate.Associations, a => acknowledged[a.AssociationId].Count, Stopwatch.StartNew(), options.Timeout, cancellationToken);
        var audits = new List<ChainAudit>();
        foreach (var association in estate.Associations)
        {
            audits.Add(await ChainAudit.ReadAsync(client, association, acknowledged[association.AssociationId], uncertain, cancellationToken));
        }

        foreach (var audit in audits)
        {
            if (!audit.Valid)
            {
                findings.Enqueue($"chain {audit.Chain} does not verify: {audit.VerifyAnswer}");
            }

            foreach (var id in audit.Lost.Concat(audit.Doubled).Concat(audit.Unexpected))
            {
                findings.Enqueue($"{id} is on chain {audit.Chain} {(audit.Doubled.Contains(id) ? "more than once" : audit.Lost.Contains(id) ? "not at all" : "though never acknowledged")}");
            }
        }

        var onChainOnce = events.Count(e => Acknowledged(answers, e.EventId)
            && audits.Single(a => a.Chain == e.Association.AssociationId) is var audit && !audit.Lost.Contains(e.EventId) && !audit.Doubled.Contains(e.EventId));
        var byStatus = answers.Values.SelectMany(q => q).GroupBy(s => s).OrderBy(g => g.Key).Select(g => FormattableString.Invariant($"{g.Key}: {g.Count()}"));
        report.WriteLine(FormattableString.Invariant($"{deliveries.Length} shuffled deliveries of {events.Count} events, then {redelivered} redelivered in order; answers by status: {string.Join(", ", byStatus)}."));
        report.WriteLine(FormattableString.Invariant($"Completions that came before their acceptance and were refused: {completedBeforeAccepted}; every chain caught up: {drained.Values.All(d => d.ReachedAt is not null)}; chains verify: {audits.All(a => a.Valid)}."));
        var verdict = new FaultVerdict("duplicates (events on their chain exactly once)", options.Seed, events.Count, onChainOnce, [.. findings, .. drained.Where(d => d.Value.ReachedAt is null).Select(d => $"chain {d.Key} did not catch up: {d.Value.TxCount} transactions")]);
        verdict.Write(report);
        return verdict;
    }

    private static bool Acknowledged(ConcurrentDictionary<string, ConcurrentQueue<int>> answers, string eventId) =>
        answers.TryGetValue(eventId, out var statuses) && statuses.Any(s => s is 202 or 200);

    private static async Task<int> DeliverAsync(
        ServiceClient client, Estate estate, SupplierEvent e, ConcurrentDictionary<string, ConcurrentQueue<int>> answers, ConcurrentQueue<string> findings, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["type"] = e.Type, ["jobId"] = e.JobId, ["data"] = new JsonObject() };
        var answer = await client.SendSupplierEventAsync(estate.Supplier, e.EventId, body, cancellationToken);
        answers.GetOrAdd(e.EventId, _ => new()).Enqueue(answer.Status);
        var proper = answer.Status switch
        {
            202 => true,
            200 => answer.Body.Contains("\"duplicate\":true", StringComparison.Ordinal),
            409 => answer.MediaType == "application/problem+json",
            _ => false,
        };
        if (!proper)
        {
            findings.Enqueue($"{e.EventId} ({e.Type}) answered {answer.Status}: {answer.Body}");
        }

        return answer.Status;
    }

    private sealed record SupplierEvent(AssociationAccount Association, string JobId, string Type, string EventId);
}
