using System.Diagnostics;
using System.Globalization;

namespace HousingLedger.LoadGenerator;

/// <summary>Writes a run's figures as plain text, in the order docs/performance.md quotes them.</summary>
public static class LoadReport
{
    public static void Write(
        TextWriter output,
        LoadOptions options,
        string runTag,
        AzuriteCeiling ceiling,
        History history,
        LoadPhase load,
        IReadOnlyDictionary<string, (TimeSpan? ReachedAt, long TxCount)> drained,
        IReadOnlyList<ChainAudit> audits,
        WorkOrderSink workOrders,
        TimeSpan? workOrdersIn,
        HostStorageOperations? operations,
        bool sound)
    {
        // InvariantGlobalization is on, so interpolated numbers are culture-neutral.
        void Line(string text) => output.WriteLine(text);
        var seconds = load.Elapsed.TotalSeconds;
        var events = load.AcceptedEvents;
        var intake = seconds > 0 ? events / seconds : 0;

        Line($"run {runTag}: {options.ServiceUrl}  mix {(options.Mix == LoadMix.Full ? "full" : "raise-accept")}  associations {options.Associations}  jobs {options.Jobs}  concurrency {options.Concurrency}  limit {options.Duration.TotalSeconds:0} s  history {history.Events} events");
        Line($"load average at the end: {LoadAverage()}");
        Line("");
        Line($"Azurite's ceiling{(history.Events > 0 ? " with the history stored" : "")}: {ceiling}");
        Line("");
        Line($"load phase: {seconds:0.00} s from the first request to the last 202");
        Line($"  accepted events  {events} ({string.Join(" + ", load.Logs.Select(l => $"{l.Accepted} {Short(l)}"))})  {intake:0.0} events/s = {ceiling.Ratio(intake):0.000} × ceiling;  {Rate(load.Acceptances.Accepted, seconds)} jobs/s accepted by the supplier");
        Line($"  202 latency, every kind: {LatencySummary.Of(load.Logs.SelectMany(l => l.AcceptedLatencies))}");
        foreach (var log in load.Logs)
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
        Line($"  work orders at the supplier's endpoint: {workOrders.Distinct - history.Jobs} distinct for {load.Raises.Accepted} jobs raised, {workOrders.Deliveries} deliveries (history's included); " +
            (workOrdersIn is null ? $"NOT all within {options.DrainTimeout.TotalSeconds:0} s" : $"the last {Ms(workOrdersIn.Value - load.LastAcceptedAt)} after the last 202"));
        Line("");
        Line("audit (export against the event ids answered 202; /verify):");
        foreach (var audit in audits)
        {
            Line($"  {audit.Chain}: verify {(audit.Valid ? "valid" : "INVALID " + audit.VerifyAnswer)}; lost {Ids(audit.Lost)}; doubled {Ids(audit.Doubled)}; unexpected {Ids(audit.Unexpected)}; recorded without a 202 answer {audit.RecordedWithoutAnswer}; link breaks {Ids(audit.Breaks)}");
        }

        Line("");
        WritePipeline(Line, ceiling, load, audits, workOrders, operations, events);
        Line("");
        Line(sound ? "verdict: SOUND — every acknowledged event is on its chain exactly once and every chain verifies" : "verdict: NOT SOUND — see above");
    }

    /// <summary>Chain lag, work-order lag, backlog, storage calls and signatures per event: the figures issue 12's targets are stated in.</summary>
    private static void WritePipeline(Action<string> Line, AzuriteCeiling ceiling, LoadPhase load, IReadOnlyList<ChainAudit> audits, WorkOrderSink workOrders, HostStorageOperations? operations, int events)
    {
        var timings = audits.SelectMany(a => a.LoadEventTimes).ToList();
        Line($"chain lag (recordedAt → the sealedAt of its block, the service's clock): {LatencySummary.Of(timings.Select(t => t.Lag))}");

        var workOrderLags = new List<TimeSpan>();
        var lateAtEnd = 0;
        foreach (var (jobId, raisedAt) in load.RaisedAt)
        {
            if (workOrders.FirstArrivals.TryGetValue("wo_" + jobId, out var arrivedAt))
            {
                workOrderLags.Add(arrivedAt > raisedAt ? Stopwatch.GetElapsedTime(raisedAt, arrivedAt) : TimeSpan.Zero);
                lateAtEnd += arrivedAt > load.LastAcceptedTimestamp ? 1 : 0;
            }
            else
            {
                lateAtEnd++;
            }
        }

        Line($"work-order lag (the raise's 202 → its work order at the endpoint): {LatencySummary.Of(workOrderLags)}; {load.RaisedAt.Count - workOrderLags.Count} never arrived");

        // Accepted but not yet on the chain, at moments of the load (the service's clock), to show whether it grows.
        if (timings.Count > 0)
        {
            var start = timings.Min(t => t.RecordedAt);
            var end = timings.Max(t => t.RecordedAt);
            var moments = new List<DateTimeOffset>();
            for (var at = start.AddSeconds(10); at < end; at = at.AddSeconds(10))
            {
                moments.Add(at);
            }

            moments.Add(end);
            Line($"backlog (accepted, not yet sealed on its chain): {string.Join(", ", moments.Select(m => $"+{(m - start).TotalSeconds:0} s {timings.Count(t => t.RecordedAt <= m && t.SealedAt > m)}"))} (end of load)");
        }

        Line($"  work orders not yet delivered at the last 202: {lateAtEnd} of {load.RaisedAt.Count}");
        var blocks = audits.Sum(a => a.LoadBlockSizes.Count);
        Line($"signatures per event: {Per(blocks, events):0.0000} ({blocks} blocks signed for {events} events)");
        if (operations is null)
        {
            Line("storage operations: not counted (start the host with Storage__CountOperations=true)");
            return;
        }

        Line($"storage operations per accepted event ({events} events; {operations.GeneratorReads} reads by this generator while it waited taken off at {operations.CalibrationWindow.Operations / (double)operations.CalibrationReads:0.00} operations each):");
        foreach (var (kind, of) in HostStorageOperations.Kinds)
        {
            Line($"  {kind,-40} {Per(operations.Pipeline(of), events),8:0.000}   ({of(operations.Window)} counted)");
        }

        var pointReads = Per(operations.Pipeline(s => s.PointReads), events);
        var readBound = pointReads > 0 ? ceiling.PointReadsPerSecond / pointReads : 0;
        Line($"point reads alone, at Azurite's {ceiling.PointReadsPerSecond:0} a second, allow at most {readBound:0} events/s = {ceiling.Ratio(readBound):0.000} × ceiling, however little else an event cost");
    }

    private static double Per(double count, int events) => events > 0 ? count / events : 0;

    private static string Short(RequestLog log) => log.Name.Contains('(') ? log.Name[(log.Name.IndexOf('(') + 1)..^1] : "raises";

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Rate(int count, double seconds) => seconds > 0 ? (count / seconds).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:0} ms";

    private static string Ids(IReadOnlyList<string> ids) =>
        ids.Count == 0 ? "0" : $"{ids.Count} ({string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", …" : "")})";
}
