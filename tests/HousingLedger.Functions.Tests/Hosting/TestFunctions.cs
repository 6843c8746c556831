using System.Collections.Concurrent;
using HousingLedger.Functions.Hosting;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>What the test functions saw, shared as a singleton.</summary>
internal sealed class InvocationLog
{
    public ConcurrentQueue<QueueMessage> Messages { get; } = new();

    public ConcurrentQueue<TimerTick> Ticks { get; } = new();

    public ConcurrentDictionary<string, int> AttemptsByBody { get; } = new();

    public IEnumerable<string> SucceededBodies => Messages.Select(m => m.Body);
}

/// <summary>Records each message; fails every attempt at a message whose body starts with "fail".</summary>
internal sealed class RecordingQueueFunction(InvocationLog log) : IQueueFunction
{
    public Task RunAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        log.AttemptsByBody.AddOrUpdate(message.Body, 1, (_, n) => n + 1);
        if (message.Body.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Asked to fail on attempt {message.DequeueCount}.");
        }

        log.Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>Records each tick.</summary>
internal sealed class RecordingTimerFunction(InvocationLog log) : ITimerFunction
{
    public Task RunAsync(TimerTick tick, CancellationToken cancellationToken)
    {
        log.Ticks.Enqueue(tick);
        return Task.CompletedTask;
    }
}

/// <summary>Fails every tick.</summary>
internal sealed class FailingTimerFunction : ITimerFunction
{
    public Task RunAsync(TimerTick tick, CancellationToken cancellationToken) => throw new InvalidOperationException("The settlement run broke.");
}
