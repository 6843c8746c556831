using System.Globalization;

namespace HousingLedger.LoadGenerator;

/// <summary>Writes a run's figures as plain text, in the order docs/performance.md quotes them.</summary>
public static class LoadReport
{
    public static void Write(
        TextWriter output,
        LoadOptions options,
        string runTag,
        LoadPhase load,
        IReadOnlyDictionary<string, (TimeSpan? ReachedAt, long TxCount)> drained,
        IReadOnlyList<ChainAudit> audits,
        WorkOrderSink workOrders,
        TimeSpan? workOrdersIn,
        bool sound)
    {
        // InvariantGlobalization is on, so interpolated numbers are culture-neutral.
        void Line(string text) => output.WriteLine(text);
        var seconds = load.Elapsed.TotalSeconds;
        var events = load.Raises.Accepted + load.Acceptances.Accepted;

        Line($"run {runTag}: {options.ServiceUrl}  associations {options.Associations}  jobs {options.Jobs}  concurrency {options.Concurrency}  limit {options.Duration.TotalSeconds:0} s");
        Line("");
        Line($"load phase: {seconds:0.00} s from the first request to the last 202");
        Line($"  accepted events  {events} ({load.Raises.Accepted} raises + {load.Acceptances.Accepted} job.accepted)  {Rate(events, seconds)} events/s  {Rate(load.Acceptances.Accepted, seconds)} jobs/s accepted by the supplier");
        foreach (var log in new[] { load.Raises, load.Acceptances })
        {
            Line($"  {log.Name}");
            Line($"    202 latency  {log.Latency}");
            Line($"    errors       {(log.Refusals.Count == 0 ? "none" : string.Join(", ", log.Refusals.OrderBy(r => r.Key).Select(r => $"{(r.Key == 0 ? "no answer" : r.Key)}: {r.Value}")))}");
            foreach (var (status, body) in log.Examples.OrderBy(e => e.Key))
            {
                Line($"      e.g. {status}: {body}");
            }
        }

        Line("");
        var reached = drained.Values.Select(d => d.ReachedAt).ToList();
        Line(reached.All(r => r is not null)
            ? $"appended: every accepted event was on its chain {Ms(reached.Max()!.Value - load.LastAcceptedAt)} after the last 202 (polled every {ChainDrain.PollInterval.TotalMilliseconds:0} ms)"
            : $"appended: NOT every chain caught up within {options.DrainTimeout.TotalSeconds:0} s of the last 202");
        foreach (var audit in audits)
        {
            var (at, count) = drained[audit.Chain];
            var sizes = audit.LoadBlockSizes;
            Line($"  {audit.Chain}: {count} tx {(at is null ? "(late)" : $"at +{Ms(at.Value - load.LastAcceptedAt)}")}; load blocks {sizes.Count}, tx/block mean {(sizes.Count == 0 ? 0 : sizes.Average()):0.0} max {(sizes.Count == 0 ? 0 : sizes.Max())}");
        }

        var all = audits.SelectMany(a => a.LoadBlockSizes).ToList();
        Line($"  batching over all chains: {all.Count} blocks for {all.Sum()} transactions, tx/block mean {(all.Count == 0 ? 0 : all.Average()):0.0} max {(all.Count == 0 ? 0 : all.Max())}");
        Line($"  work orders at the supplier's endpoint: {workOrders.Distinct} distinct for {load.Raises.Accepted} jobs raised, {workOrders.Deliveries} deliveries; " +
            (workOrdersIn is null ? $"NOT all within {options.DrainTimeout.TotalSeconds:0} s" : $"the last {Ms(workOrdersIn.Value - load.LastAcceptedAt)} after the last 202"));
        Line("");
        Line("audit (export against the event ids answered 202; /verify):");
        foreach (var audit in audits)
        {
            Line($"  {audit.Chain}: verify {(audit.Valid ? "valid" : "INVALID " + audit.VerifyAnswer)}; lost {Ids(audit.Lost)}; doubled {Ids(audit.Doubled)}; unexpected {Ids(audit.Unexpected)}; recorded without a 202 answer {audit.RecordedWithoutAnswer}; link breaks {Ids(audit.Breaks)}");
        }

        Line(sound ? "verdict: SOUND — every acknowledged event is on its chain exactly once and every chain verifies" : "verdict: NOT SOUND — see above");
    }

    private static string Rate(int count, double seconds) => seconds > 0 ? (count / seconds).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:0} ms";

    private static string Ids(IReadOnlyList<string> ids) =>
        ids.Count == 0 ? "0" : $"{ids.Count} ({string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", …" : "")})";
}
