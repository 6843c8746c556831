using HousingLedger.LoadGenerator.Faults;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Pipeline;

/// <summary>
/// The load generator's process-fault runs (docs/reliability.md, "Process faults"), small: the host killed under
/// load and while settling, Azurite restarted under the host, two hosts on one storage. Each checks correctness
/// only: every acknowledged event on its chain once, the chains linked and verifying, no job paid twice.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ProcessFaultTests
{
    // The catch-up timer every two seconds, so events whose wake-up died with a host are appended within the test.
    private static readonly Dictionary<string, string> QuickCatchUp = new()
    {
        ["Ledger__CatchUpSchedule"] = "*/2 * * * * *",
        ["Ledger__CatchUpGrace"] = "00:00:02",
    };

    [Fact]
    public Task A_host_killed_under_load_and_while_settling_loses_doubles_and_double_pays_nothing() =>
        AssertHeldAsync(FaultOptions.Crash, faults: 2);

    [Fact]
    public Task The_host_recovers_by_itself_from_an_Azurite_restart_and_loses_nothing() =>
        AssertHeldAsync(FaultOptions.AzuriteRestart, faults: 1);

    [Fact]
    public Task Two_hosts_on_one_storage_keep_one_unforked_chain_and_settle_each_job_once() =>
        AssertHeldAsync(FaultOptions.TwoHosts, faults: 1);

    private static async Task AssertHeldAsync(string command, int faults)
    {
        var options = new FaultOptions(
            command, AppContext.BaseDirectory, "fault-smoke-operator-key", Seed: 12, Events: 120, Associations: 2, Concurrency: 8, Faults: faults,
            Duration: TimeSpan.FromSeconds(60), DrainTimeout: TimeSpan.FromSeconds(60), RetryFor: TimeSpan.FromSeconds(60))
        {
            HostSettings = QuickCatchUp,
        };
        using var report = new StringWriter();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(170));
        var exit = await FaultRun.RunAsync(options, report, limit.Token);
        Assert.True(exit == 0, report.ToString());
        Assert.Contains("verdict: HELD", report.ToString(), StringComparison.Ordinal);
    }
}
