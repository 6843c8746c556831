using System.Diagnostics;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// The verdict of a fault run once the faults are over: every acknowledged event on its chain exactly once, every
/// chain linked (heights contiguous, each <c>previousHash</c> the block before's) and verifying, and settlement
/// sound: each job settled at most once, in a batch whose <c>batch.created</c> is on the chain, each batch's
/// remittance paying a job once and no job in two batches, and no run with two batches for one association.
/// </summary>
public sealed record FaultAudit(
    IReadOnlyList<ChainAudit> Chains,
    int Acknowledged,
    int JobsSettled,
    int Batches,
    IReadOnlyList<string> SettledTwice,
    IReadOnlyList<string> SettledOutsideABatch,
    IReadOnlyList<string> PaidTwice,
    IReadOnlyList<string> PaidButNotSettled,
    IReadOnlyList<string> RunsWithTwoBatches,
    TimeSpan DrainTime)
{
    public bool ChainsSound => Chains.All(c => c.Sound);

    public bool SettlementSound => SettledTwice.Count == 0 && SettledOutsideABatch.Count == 0 && PaidTwice.Count == 0 && PaidButNotSettled.Count == 0 && RunsWithTwoBatches.Count == 0;

    /// <summary>
    /// Waits until every acknowledged event is on its chain, or until the chains have stood still for
    /// <paramref name="timeout"/>, then audits once the chains stand still.
    /// </summary>
    public static async Task<FaultAudit> ReadAsync(ServiceClient client, Estate estate, LoadPhase load, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var acknowledged = estate.Associations.ToDictionary(
            a => a.AssociationId,
            a => (IReadOnlySet<string>)load.AcceptedEventIds[a.AssociationId].Append(a.ContractEventId).ToHashSet(StringComparer.Ordinal));
        var uncertain = load.UnansweredEventIds.ToHashSet(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        await DrainAsync(client, estate, a => acknowledged[a.AssociationId].Count, clock, timeout, cancellationToken);
        var drained = clock.Elapsed;
        clock.Restart();

        // Settlement adds events of its own, so a head's count alone cannot say all is there: audit until nothing is
        // missing and two audits a few seconds apart see the same chains (an event appended twice late would show).
        List<ChainAudit> audits;
        long[]? before = null;
        while (true)
        {
            audits = [];
            foreach (var association in estate.Associations)
            {
                audits.Add(await ChainAudit.ReadAsync(client, association, acknowledged[association.AssociationId], uncertain, cancellationToken));
            }

            var counts = audits.Select(a => a.Transactions).ToArray();
            if ((audits.All(a => a.Lost.Count == 0) && before is not null && counts.SequenceEqual(before)) || clock.Elapsed > timeout)
            {
                break;
            }

            before = counts;
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        }

        var settledTwice = new List<string>();
        var outsideBatch = new List<string>();
        var paidTwice = new List<string>();
        var paidNotSettled = new List<string>();
        var runsWithTwo = new List<string>();
        var batches = 0;
        foreach (var (association, audit) in estate.Associations.Zip(audits))
        {
            var settled = audit.Settled.Select(s => (JobId: Bare(s.JobId), s.BatchId)).ToList();
            settledTwice.AddRange(settled.GroupBy(s => s.JobId).Where(g => g.Count() > 1).Select(g => g.Key));
            var created = audit.BatchesCreated.Select(Bare).ToHashSet(StringComparer.Ordinal);
            outsideBatch.AddRange(settled.Where(s => !created.Contains(s.BatchId)).Select(s => s.JobId));

            var paid = new List<(string BatchId, string JobId)>();
            var list = Ok(await client.ReadAsync("/api/payment-batches", association.ApiKey, cancellationToken), "payment batches");
            runsWithTwo.AddRange(list.Json["batches"]!.AsArray().GroupBy(b => (string)b!["runId"]!).Where(g => g.Count() > 1).Select(g => g.Key));
            foreach (var batch in list.Json["batches"]!.AsArray())
            {
                var batchId = (string)batch!["batchId"]!;
                var csv = Ok(await client.ReadAsync($"/api/payment-batches/{batchId}/files/remittance.csv", association.ApiKey, cancellationToken), $"remittance of {batchId}").Body;
                paid.AddRange(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => (batchId, row.Split(',')[1])));
                batches++;
            }

            paidTwice.AddRange(paid.GroupBy(p => p.JobId).Where(g => g.Count() > 1).Select(g => g.Key));
            var settledIn = settled.Select(s => (s.BatchId, s.JobId)).ToHashSet();
            paidNotSettled.AddRange(paid.Where(p => !settledIn.Contains(p)).Select(p => $"{p.JobId} in {p.BatchId}"));
            outsideBatch.AddRange(settled.Where(s => !paid.Contains((s.BatchId, s.JobId))).Select(s => s.JobId));
        }

        return new FaultAudit(
            audits,
            acknowledged.Values.Sum(ids => ids.Count),
            audits.Sum(a => a.Settled.Count),
            batches,
            settledTwice.Distinct().ToList(),
            outsideBatch.Distinct().ToList(),
            paidTwice.Distinct().ToList(),
            paidNotSettled,
            runsWithTwo,
            drained);
    }

    /// <summary>
    /// Slow is not lost: while any chain is still growing the pipeline is working through its backlog, so the wait goes
    /// on; it gives up only once a whole <paramref name="stillFor"/> passes with no chain moving.
    /// </summary>
    private static async Task DrainAsync(
        ServiceClient client, Estate estate, Func<AssociationAccount, long> expected, Stopwatch clock, TimeSpan stillFor, CancellationToken cancellationToken)
    {
        long[]? counts = null;
        while (true)
        {
            var heads = await ChainDrain.WaitAsync(client, estate.Associations, expected, clock, stillFor, cancellationToken);
            var now = heads.Values.Select(h => h.TxCount).ToArray();
            if (heads.Values.All(h => h.ReachedAt is not null) || (counts is not null && now.SequenceEqual(counts)))
            {
                return;
            }

            counts = now;
        }
    }

    // "job:job_1" and "batch:bat_1" name their job and batch.
    private static string Bare(string subject) => subject[(subject.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static Answer Ok(Answer answer, string what) =>
        answer.Status == 200 ? answer : throw new AuditFailedException($"Reading the {what} answered {answer.Status}: {answer.Body}");
}
