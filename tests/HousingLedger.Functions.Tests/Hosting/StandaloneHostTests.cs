using System.Net;
using HousingLedger.Functions.Hosting;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>The whole standalone host against Azurite: HTTP, storage made on start, queue and timer triggers.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class StandaloneHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StandaloneHost_CreatesItsStorage_ServesTheApi_AndRunsQueueAndTimerFunctions()
    {
        var queueName = AzuriteFixture.UniqueName("intake-");
        var log = new InvocationLog();
        var builder = TestApps.Standalone(azurite.ConnectionString, ("Test:Schedule", "* * * * * *"));
        builder.AddFunctionsHost();
        builder.Services.AddSingleton(log);
        builder.Services.AddQueueFunction<RecordingQueueFunction>("Intake", queueName);
        builder.Services.AddTimerFunction<RecordingTimerFunction>(AzuriteFixture.UniqueName("Tick"), "Test:Schedule", "0 0 2 * * *");
        var app = builder.Build();
        app.MapGroup("/api").MapGet("/health", () => "ok").WithName("Health");
        app.MapFunctionInvocations();

        await using var running = await RunningApp.StartAsync(app);

        Assert.True(await azurite.Storage.Queues.GetQueueClient(StorageNames.LedgerAppendQueue).ExistsAsync(), "The ledger-append queue was not created.");
        Assert.True(await azurite.Storage.Blobs.GetBlobContainerClient(StorageNames.LocksContainer).ExistsAsync(), "The locks container was not created.");
        using var health = await running.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await azurite.Storage.Queues.GetQueueClient(queueName).SendMessageAsync("job raised for flat 3");
        await Eventually.TrueAsync(() => log.SucceededBodies.Contains("job raised for flat 3"), "the queue function has run");
        await Eventually.TrueAsync(() => !log.Ticks.IsEmpty, "the timer function has ticked, on the schedule from configuration");
    }
}
