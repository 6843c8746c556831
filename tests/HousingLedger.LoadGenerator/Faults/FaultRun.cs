using System.Diagnostics;
using System.Globalization;
using HousingLedger.Testing;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// One process-fault run from set-up to verdict: start Azurite and the host(s), set up the estate, run the load
/// with settlement during it, break things at seeded moments, settle once more after, audit, report.
/// </summary>
public static class FaultRun
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    // A run settling thousands of jobs outlasts the client's 30-second timeout many times over; each resend resumes it,
    // so it is resent for as long as settlement takes here, not for --retry-for.
    private static readonly TimeSpan SettlementPatience = TimeSpan.FromMinutes(30);

    /// <returns>The exit code: 0 every hold held, 1 one did not, 2 the run could not start.</returns>
    public static async Task<int> RunAsync(FaultOptions options, TextWriter report, CancellationToken cancellationToken)
    {
        report.WriteLine($"fault run: {options}  (app {options.AppFolder})");
        await using var rig = await FaultRig.StartAsync(
            options.AppFolder, options.OperatorKey, options.HostSettings, storageOnDisk: options.Command == FaultOptions.AzuriteRestart, options.HostLog, cancellationToken);
        var hosts = new List<AppProcess> { await rig.StartHostAsync(null, cancellationToken) };
        if (options.Command == FaultOptions.TwoHosts)
        {
            hosts.Add(await rig.StartHostAsync(null, cancellationToken));
        }

        var clients = hosts.Select(h => new ServiceClient(h.BaseAddress)).ToList();
        try
        {
            report.WriteLine($"azurite on {string.Join(", ", rig.Endpoints.Ports)}, data {(rig.StorageOnDisk ? "on disk" : "in memory")}; rig in {rig.Folder}; host(s) on {string.Join(", ", hosts.Select(h => h.Port))}");
            await using var workOrders = WorkOrderSink.Start();
            var runTag = Guid.NewGuid().ToString("N")[..8];
            var estate = await Estate.SetUpAsync(clients[0], options.OperatorKey, workOrders.Url, options.Associations, runTag, cancellationToken);
            var load = new LoadPhase(clients, estate, runTag, LoadMix.Full) { RetryFor = options.RetryFor };
            var settlements = new SettlementRequests(options.OperatorKey, SettlementPatience);
            var running = load.RunAsync(options.Jobs, options.Concurrency, options.Duration, cancellationToken);
            var random = new Random(options.Seed);
            var faults = options.Command switch
            {
                FaultOptions.Crash => await CrashHostsAsync(options, rig, hosts, clients[0], load, settlements, random, report, cancellationToken),
                FaultOptions.AzuriteRestart => await RestartAzuriteAsync(options, rig, clients[0], load, settlements, random, report, cancellationToken),
                _ => await SettleOnBothAsync(options, clients, load, settlements, random, report, cancellationToken),
            };
            await running;

            // Settle what was approved last, on every host at once, and finish any run a fault cut short.
            await Task.WhenAll(clients.Select(c => settlements.RunAsync(c, cancellationToken)));
            var audit = await FaultAudit.ReadAsync(clients[0], estate, load, options.DrainTimeout, cancellationToken);
            await workOrders.WaitForAsync(load.Raises.Accepted, load.Clock, TimeSpan.FromSeconds(30), cancellationToken);
            var held = Report(report, options, load, settlements, audit, workOrders, faults);
            return held ? 0 : 1;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Kills the host at seeded moments of the load, one of them just after a settlement run starts, and starts it again on its port.</summary>
    private static async Task<int> CrashHostsAsync(
        FaultOptions options, FaultRig rig, List<AppProcess> hosts, ServiceClient client, LoadPhase load, SettlementRequests settlements, Random random, TextWriter report, CancellationToken cancellationToken)
    {
        var settleAt = Moments(random, options.Events, 2, 0.3, 0.8);
        var killAt = Moments(random, options.Events, options.Faults - 1, 0.05, 0.95);
        var afterSettling = TimeSpan.FromMilliseconds(random.Next(50, 1500));
        report.WriteLine($"seed {options.Seed}: kills at {string.Join(", ", killAt)} events acknowledged, and {afterSettling.TotalMilliseconds:0} ms after the settlement at {settleAt[0]}; settlements at {string.Join(", ", settleAt)}");
        var pending = new List<Task>();
        var kills = 0;

        async Task KillAsync(string when)
        {
            var down = Stopwatch.StartNew();
            hosts[0].Kill();
            await hosts[0].DisposeAsync();
            hosts[0] = await rig.StartHostAsync(hosts[0].Port, cancellationToken);
            kills++;
            report.WriteLine($"  kill {kills} {when} at {load.Acknowledged} acknowledged: host back in {down.Elapsed.TotalSeconds:0.0} s");
        }

        int nextKill = 0, nextSettlement = 0;
        while (!LoadOver(load, options) && (kills < options.Faults || nextSettlement < settleAt.Length))
        {
            if (nextSettlement < settleAt.Length && load.Acknowledged >= settleAt[nextSettlement])
            {
                pending.Add(settlements.RunAsync(client, cancellationToken));
                if (nextSettlement++ == 0)
                {
                    await Task.Delay(afterSettling, cancellationToken);
                    await KillAsync("while settling");
                }
            }
            else if (nextKill < killAt.Length && kills < options.Faults && load.Acknowledged >= killAt[nextKill])
            {
                nextKill++;
                await KillAsync("under load");
            }

            await Task.Delay(Tick, cancellationToken);
        }

        await Task.WhenAll(pending);
        return kills;
    }

    /// <summary>Stops and restarts Azurite at seeded moments; the host is left alone and must find its storage again.</summary>
    private static async Task<int> RestartAzuriteAsync(
        FaultOptions options, FaultRig rig, ServiceClient client, LoadPhase load, SettlementRequests settlements, Random random, TextWriter report, CancellationToken cancellationToken)
    {
        var restartAt = Moments(random, options.Events, options.Faults, 0.1, 0.8);
        var settleAt = Moments(random, options.Events, 1, 0.3, 0.7)[0];
        report.WriteLine($"seed {options.Seed}: Azurite restarts at {string.Join(", ", restartAt)} events acknowledged; a settlement at {settleAt}");
        Task? settling = null;
        var restarts = 0;
        while (!LoadOver(load, options) && (restarts < restartAt.Length || settling is null))
        {
            if (settling is null && load.Acknowledged >= settleAt)
            {
                settling = settlements.RunAsync(client, cancellationToken);
            }

            if (restarts < restartAt.Length && load.Acknowledged >= restartAt[restarts])
            {
                var at = load.Acknowledged;
                var away = await rig.RestartAzuriteAsync(cancellationToken);
                var back = load.Clock.Elapsed;
                restarts++;

                // Recovered: a 202 answered after storage was back. Resending clients give up after --retry-for.
                while (load.LastAcceptedAt <= back && load.Clock.Elapsed - back < options.RetryFor && !LoadOver(load, options))
                {
                    await Task.Delay(Tick, cancellationToken);
                }

                var recovered = load.LastAcceptedAt > back ? $"first 202 {(load.LastAcceptedAt - back).TotalSeconds:0.0} s after it was back" : "NO 202 since it came back";
                report.WriteLine($"  restart {restarts} at {at} acknowledged: storage away {away.TotalSeconds:0.0} s; {recovered}");
            }

            await Task.Delay(Tick, cancellationToken);
        }

        await (settling ?? Task.CompletedTask);
        return restarts;
    }

    /// <summary>Two hosts share the load (the load phase alternates between them); settlement is asked of both at once, mid-load.</summary>
    private static async Task<int> SettleOnBothAsync(
        FaultOptions options, IReadOnlyList<ServiceClient> clients, LoadPhase load, SettlementRequests settlements, Random random, TextWriter report, CancellationToken cancellationToken)
    {
        var settleAt = Moments(random, options.Events, 1, 0.4, 0.7)[0];
        report.WriteLine($"seed {options.Seed}: settlement asked of both hosts at once at {settleAt} events acknowledged, and again after the load");
        while (!LoadOver(load, options) && load.Acknowledged < settleAt)
        {
            await Task.Delay(Tick, cancellationToken);
        }

        await Task.WhenAll(clients.Select(c => settlements.RunAsync(c, cancellationToken)));
        return 2;
    }

    private static bool LoadOver(LoadPhase load, FaultOptions options) =>
        load.Acknowledged >= options.Jobs * 4 || load.Clock.Elapsed > options.Duration + options.RetryFor;

    /// <summary><paramref name="count"/> seeded moments, as counts of acknowledged events, between the two fractions of the load, in order.</summary>
    private static int[] Moments(Random random, int events, int count, double from, double to) =>
        [.. Enumerable.Range(0, Math.Max(0, count)).Select(_ => (int)(events * (from + (random.NextDouble() * (to - from))))).Order()];

    private static bool Report(
        TextWriter output, FaultOptions options, LoadPhase load, SettlementRequests settlements, FaultAudit audit, WorkOrderSink workOrders, int faults)
    {
        void Line(string text) => output.WriteLine(text);
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture, $"load: {load.Acknowledged} events acknowledged in {load.Elapsed.TotalSeconds:0.0} s; {load.Resent} requests resent after no answer or a 5xx; {load.UnansweredEventIds.Distinct().Count()} event ids ever unanswered"));
        foreach (var log in new[] { load.Raises, load.Acceptances, load.Completions, load.Approvals })
        {
            Line($"  {log.Name}: {log.Accepted} acknowledged; other final answers {(log.Refusals.Count == 0 ? "none" : string.Join(", ", log.Refusals.OrderBy(r => r.Key).Select(r => $"{(r.Key == 0 ? "no answer" : r.Key)}: {r.Value}")))}");
            foreach (var (status, body) in log.Examples.OrderBy(e => e.Key))
            {
                Line($"    e.g. {status}: {body}");
            }
        }

        Line($"settlement: {settlements.Answered.Count} runs answered 200 ({settlements.Sent} requests); not answered {settlements.Failures.Count}{string.Concat(settlements.Failures.Take(3).Select(f => "; " + f))}");
        foreach (var answer in settlements.Resent.GroupBy(r => r[..r.IndexOf(':', StringComparison.Ordinal)]))
        {
            Line($"  resent after {answer.Key}: {answer.Count()}, e.g. {answer.First()}");
        }

        Line($"work orders (at least once, not a hold here): {workOrders.Distinct} distinct for {load.Raises.Accepted} jobs, {workOrders.Deliveries} deliveries");
        Line($"chains: caught up {audit.DrainTime.TotalSeconds:0} s after the last settlement was asked for");
        foreach (var chain in audit.Chains)
        {
            Line($"  {chain.Chain}: {chain.Transactions} tx; verify {(chain.Valid ? "valid" : "INVALID " + chain.VerifyAnswer)}; lost {chain.Lost.Count}; doubled {chain.Doubled.Count}; unexpected {chain.Unexpected.Count}; link breaks {chain.Breaks.Count}; recorded without a 202 {chain.RecordedWithoutAnswer}");
            foreach (var detail in chain.Lost.Take(3).Select(id => "lost " + id).Concat(chain.Doubled.Take(3).Select(id => "doubled " + id)).Concat(chain.Unexpected.Take(3).Select(id => "unexpected " + id)).Concat(chain.Breaks.Take(3)))
            {
                Line($"    {detail}");
            }
        }

        Line($"  settled: {audit.JobsSettled} job.settled in {audit.Batches} batches; settled twice {audit.SettledTwice.Count}; settled outside a filed batch {audit.SettledOutsideABatch.Count}; paid twice {audit.PaidTwice.Count}; paid but not settled {audit.PaidButNotSettled.Count}; runs with two batches for one association {audit.RunsWithTwoBatches.Count}");
        foreach (var detail in audit.SettledTwice.Concat(audit.SettledOutsideABatch).Concat(audit.PaidTwice).Concat(audit.PaidButNotSettled).Concat(audit.RunsWithTwoBatches).Take(5))
        {
            Line($"    {detail}");
        }

        var eventsHeld = audit.Chains.Sum(c => c.Lost.Count + c.Doubled.Count) == 0 ? audit.Acknowledged : audit.Acknowledged - audit.Chains.Sum(c => c.Lost.Count + c.Doubled.Count);
        var chainsHeld = audit.Chains.Count(c => c.Sound);
        var settlementHeld = audit.SettlementSound && settlements.Failures.Count == 0 && audit.JobsSettled > 0;
        var what = options.Command switch
        {
            FaultOptions.Crash => $"host kills: {faults} tried",
            FaultOptions.AzuriteRestart => $"Azurite restarts: {faults} tried",
            _ => "two hosts on one storage: 1 tried",
        };
        var held = audit.ChainsSound && settlementHeld && (options.Command == FaultOptions.TwoHosts || faults > 0);
        Line("");
        Line($"{what}, {(held ? "all held" : "NOT all held")}: events {audit.Acknowledged} acknowledged, {eventsHeld} on their chain exactly once; chains {audit.Chains.Count} tried, {chainsHeld} linked and verified; jobs settled {audit.JobsSettled}, {audit.JobsSettled - audit.SettledTwice.Count} once; batches {audit.Batches}, {audit.Batches - audit.RunsWithTwoBatches.Count} alone in their run for their association");
        Line($"verdict: {(held ? "HELD" : "NOT HELD — see above")}");
        return held;
    }
}
