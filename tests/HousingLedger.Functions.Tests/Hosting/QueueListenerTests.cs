using Azure.Storage.Queues.Models;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>The standalone queue trigger against Azurite: the Functions host's retry and poison semantics.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class QueueListenerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly InvocationLog log = new();
    private readonly string queueName = AzuriteFixture.UniqueName("orders-");
    private readonly CancellationTokenSource stopping = new();
    private ServiceProvider services = null!;
    private Task listening = Task.CompletedTask;

    public Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddSingleton(log)
            .AddLogging()
            .AddSingleton<Gate>()
            .AddSingleton<FunctionInvoker>()
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // A gated message still running would keep the listener from stopping if a test failed before opening it.
        services.GetRequiredService<Gate>().Open();
        await stopping.CancelAsync();
        await listening;
        await services.DisposeAsync();
        stopping.Dispose();
    }

    [Fact]
    public async Task MessageWhoseFunctionSucceeds_IsRunOnceAndDeleted()
    {
        await Queue().CreateIfNotExistsAsync();
        await Queue().SendMessageAsync("{\"jobId\":\"J-1\"}");

        Listen<RecordingQueueFunction>();

        await Eventually.TrueAsync(() => log.Messages.Count == 1, "the message has been processed");
        var message = Assert.Single(log.Messages);
        Assert.Equal(("{\"jobId\":\"J-1\"}", 1L), (message.MessageText, message.DequeueCount));
        Assert.NotNull(message.InsertedOn);
        await Eventually.TrueAsync(async () => await CountAsync(Queue()) == 0, "the message has been deleted");
        Assert.Equal(0, await CountAsync(Poison()));
    }

    [Fact]
    public async Task MessageWhoseFunctionKeepsFailing_MovesToPoisonAfterFiveAttempts_AndTheMessageBehindItIsProcessed()
    {
        await Queue().CreateIfNotExistsAsync();
        await Queue().SendMessageAsync("fail: flat 12 oven");
        await Queue().SendMessageAsync("good: flat 14 boiler");

        Listen<RecordingQueueFunction>();

        await Eventually.TrueAsync(async () => await CountAsync(Poison()) == 1, "the failing message is in the poison queue");
        var poisoned = (await Poison().ReceiveMessageAsync()).Value;
        Assert.Equal("fail: flat 12 oven", poisoned.MessageText);
        Assert.Equal(5, log.AttemptsByBody["fail: flat 12 oven"]);
        Assert.Equal(["good: flat 14 boiler"], log.SucceededBodies);
        Assert.Equal(0, await CountAsync(Queue()));
    }

    [Fact]
    public async Task MessageAlreadyReceivedFiveTimesWithoutBeingSettled_MovesToPoisonWithoutRunningAgain()
    {
        await Queue().CreateIfNotExistsAsync();
        await Queue().SendMessageAsync("crashed mid-run five times");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var received = (await Queue().ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
            await Queue().UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        Listen<RecordingQueueFunction>();

        await Eventually.TrueAsync(async () => await CountAsync(Poison()) == 1, "the message is in the poison queue");
        Assert.False(log.AttemptsByBody.ContainsKey("crashed mid-run five times"), "The function ran a sixth time.");
    }

    [Fact]
    public async Task ManyMessages_RunSixteenAtATime()
    {
        await Queue().CreateIfNotExistsAsync();
        for (var i = 0; i < 20; i++)
        {
            await Queue().SendMessageAsync($"job {i}");
        }

        var gate = services.GetRequiredService<Gate>();
        Listen<GatedQueueFunction>();

        await Eventually.TrueAsync(() => gate.Gauge.Inside == 16, "sixteen messages are running");
        await Task.Delay(300);
        Assert.Equal(16, gate.Gauge.Most);
        gate.Open();
        await Eventually.TrueAsync(() => gate.Gauge.Finished == 20, "all twenty messages have run");
        Assert.Equal(16, gate.Gauge.Most);
    }

    [Fact]
    public async Task MessageWhoseFunctionRunsPastItsVisibility_IsKeptHidden_AndRunsOnce()
    {
        await Queue().CreateIfNotExistsAsync();
        await Queue().SendMessageAsync("a long settlement");
        var gate = services.GetRequiredService<Gate>();

        Listen<GatedQueueFunction>(runningVisibility: TimeSpan.FromSeconds(2));

        await Eventually.TrueAsync(() => gate.Gauge.Inside == 1, "the message is running");
        await Task.Delay(TimeSpan.FromSeconds(5));
        var most = gate.Gauge.Most;
        gate.Open();
        Assert.Equal(1, most);
        await Eventually.TrueAsync(async () => gate.Gauge.Finished == 1 && await CountAsync(Queue()) == 0, "the message has run and been deleted");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, gate.Gauge.Finished);
    }

    private void Listen<TFunction>(TimeSpan? runningVisibility = null)
    {
        var declared = (QueueFunction)FunctionMethod.Describe(typeof(TFunction).Name, typeof(TFunction).GetMethod("RunAsync")!);
        var function = declared with { QueueName = queueName };
        var options = new QueueListenerOptions { MaxPollingInterval = TimeSpan.FromMilliseconds(200) };
        options.RunningVisibility = runningVisibility ?? options.RunningVisibility;
        var listener = new QueueListener(
            function, azurite.Storage.Queues, services.GetRequiredService<FunctionInvoker>(), options, TimeProvider.System, NullLogger.Instance);
        listening = listener.RunAsync(stopping.Token);
    }

    private Azure.Storage.Queues.QueueClient Queue() => azurite.Storage.Queues.GetQueueClient(queueName);

    private Azure.Storage.Queues.QueueClient Poison() => azurite.Storage.Queues.GetQueueClient(StorageNames.PoisonQueueFor(queueName));

    private static async Task<int> CountAsync(Azure.Storage.Queues.QueueClient queue) =>
        await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

    /// <summary>Holds every message until opened.</summary>
    private sealed class Gate
    {
        private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrencyGauge Gauge { get; } = new();

        public void Open() => opened.TrySetResult();

        public async Task PassAsync()
        {
            Gauge.Enter();
            await opened.Task;
            Gauge.Exit();
        }
    }

    private sealed class GatedQueueFunction(Gate gate)
    {
        [Function("Gated")]
        public Task RunAsync([QueueTrigger("gated")] QueueMessage message, CancellationToken cancellationToken) => gate.PassAsync();
    }
}
