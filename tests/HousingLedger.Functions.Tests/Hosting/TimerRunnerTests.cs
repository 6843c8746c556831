using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using NCrontab;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>The standalone timer trigger against Azurite: one instance per tick, through the blob lease.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TimerRunnerTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private readonly TickLog ticks = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> running = [];
    private readonly BlobContainerClient locks = azurite.Storage.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("locks"));

    [Fact]
    public async Task TwoInstancesOnTheSameLease_NeverRunATickConcurrently_AndRunEachTickOnce()
    {
        using var services = Services();

        Run(services, "* * * * * *");
        Run(services, "* * * * * *");

        await Eventually.TrueAsync(() => ticks.Gauge.Finished >= 3, "three ticks have run", TimeSpan.FromSeconds(20));
        await StopAsync();
        Assert.Equal(1, ticks.Gauge.Most);
        // Each tick's status names the occurrence after it, so two runs of one tick would name the same one.
        var scheduled = ticks.Ticks.Select(t => t.ScheduleStatus!.Next).ToList();
        Assert.True(scheduled.Count == scheduled.Distinct().Count(), $"A tick ran twice: {string.Join(", ", scheduled.Select(s => s.ToString("O")))}");
    }

    [Fact]
    public async Task OccurrenceMissedWhileNothingRan_RunsAtStartUp_PastDue_AndTheNextIsRecorded()
    {
        var missed = new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero);
        await locks.CreateIfNotExistsAsync();
        await locks.GetBlobClient("Settlement").UploadAsync(BinaryData.Empty);
        await locks.GetBlobClient("Settlement").SetMetadataAsync(new TimerScheduleStatus(missed.AddDays(-1), missed).ToMetadata());
        using var services = Services();

        Run(services, "0 0 2 * * *");

        await Eventually.TrueAsync(() => ticks.Gauge.Finished == 1, "the missed tick has run");
        var tick = Assert.Single(ticks.Ticks);
        Assert.True(tick.IsPastDue, "The missed tick was not run past due.");
        Assert.Equal((missed.AddDays(-1).UtcDateTime, missed.AddDays(1).UtcDateTime), (tick.ScheduleStatus!.Last, tick.ScheduleStatus.Next));
        await Eventually.TrueAsync(async () => await ReadStatusAsync() is { } s && s.Last == missed, "the status records the run");
        var status = await ReadStatusAsync();
        Assert.True(status!.Next > DateTimeOffset.UtcNow && status.Next.TimeOfDay == TimeSpan.FromHours(2), $"Next is {status.Next:O}, want the coming 02:00.");
    }

    [Fact]
    public async Task TickAlreadyRunByAnotherInstance_IsNotRunAgain()
    {
        var now = DateTimeOffset.UtcNow;
        await locks.CreateIfNotExistsAsync();
        await locks.GetBlobClient("Settlement").UploadAsync(BinaryData.Empty);
        await locks.GetBlobClient("Settlement").SetMetadataAsync(new TimerScheduleStatus(now.AddYears(1), now.AddYears(1).AddSeconds(1)).ToMetadata());
        using var services = Services();

        Run(services, "* * * * * *");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Empty(ticks.Ticks);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private ServiceProvider Services() =>
        new ServiceCollection()
            .AddSingleton(ticks)
            .AddLogging()
            .AddSingleton<FunctionInvoker>()
            .BuildServiceProvider();

    private void Run(ServiceProvider services, string schedule)
    {
        var function = FunctionMethod.Describe("Settlement", typeof(SlowTimerFunction).GetMethod(nameof(SlowTimerFunction.RunAsync))!);
        var runner = new TimerRunner(
            (TimerFunction)function,
            CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }),
            locks,
            services.GetRequiredService<FunctionInvoker>(),
            TimeProvider.System,
            NullLogger.Instance);
        running.Add(runner.RunAsync(stopping.Token));
    }

    private async Task StopAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(running);
    }

    private async Task<TimerScheduleStatus?> ReadStatusAsync() =>
        TimerScheduleStatus.FromMetadata((await locks.GetBlobClient("Settlement").GetPropertiesAsync()).Value.Metadata);

    /// <summary>What ran, and how many at once.</summary>
    private sealed class TickLog
    {
        public ConcurrentQueue<TimerInfo> Ticks { get; } = new();

        public ConcurrencyGauge Gauge { get; } = new();

        public async Task RunAsync(TimerInfo tick, TimeSpan duration)
        {
            Gauge.Enter();
            Ticks.Enqueue(tick);
            await Task.Delay(duration);
            Gauge.Exit();
        }
    }

    /// <summary>Runs longer than the one-second schedule, so ticks would overlap without the lease.</summary>
    private sealed class SlowTimerFunction(TickLog log)
    {
        [Function("Settlement")]
        public Task RunAsync([TimerTrigger("%Test:Schedule%")] TimerInfo tick, CancellationToken cancellationToken) => log.RunAsync(tick, TimeSpan.FromMilliseconds(1200));
    }
}
