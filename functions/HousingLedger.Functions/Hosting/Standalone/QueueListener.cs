using HousingLedger.Infrastructure.Storage;
using Azure.Storage.Queues;
using StoredMessage = Azure.Storage.Queues.Models.QueueMessage;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Runs one queue function the way the Functions host's queue trigger does: receives in batches, runs up to
/// <see cref="QueueListenerOptions.BatchSize"/> messages at once, deletes each that succeeds, makes each that
/// fails visible again for another attempt, and moves one that fails its last allowed attempt to
/// <c>&lt;queue&gt;-poison</c>, so it never holds up the messages behind it.
/// </summary>
internal sealed class QueueListener(
    QueueFunction function,
    QueueServiceClient queues,
    FunctionInvoker invoker,
    QueueListenerOptions options,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly QueueClient queue = queues.GetQueueClient(function.QueueName);
    private readonly QueueClient poison = queues.GetQueueClient(StorageNames.PoisonQueueFor(function.QueueName));

    /// <summary>Listens until <paramref name="stoppingToken"/> is cancelled, then waits for the messages still running.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.BatchSize, options.BatchSize);
        try
        {
            while (!await TryCreateQueuesAsync(stoppingToken))
            {
                await Task.Delay(options.MaxPollingInterval, time, stoppingToken);
            }

            logger.LogInformation("Queue function '{FunctionName}' is listening to {Queue}", function.Name, function.QueueName);
            var idle = MinPollingInterval;
            while (true)
            {
                var received = await ReceiveAsync(slots, stoppingToken);
                if (received.Count == 0)
                {
                    await Task.Delay(idle, time, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollingInterval.Ticks));
                    continue;
                }

                idle = MinPollingInterval;
                foreach (var message in received)
                {
                    _ = Task.Run(() => RunAndFreeSlotAsync(message, slots, stoppingToken), CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: every slot back means every running message has finished.
            for (var slot = 0; slot < options.BatchSize; slot++)
            {
                await slots.WaitAsync(CancellationToken.None);
            }
        }
    }

    private async Task<bool> TryCreateQueuesAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
            await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Creating {Queue} and its poison queue failed; trying again", function.QueueName);
            return false;
        }
    }

    private async Task<IReadOnlyList<StoredMessage>> ReceiveAsync(SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await slots.WaitAsync(stoppingToken);
        var wanted = 1;
        while (wanted < options.BatchSize && slots.Wait(0, CancellationToken.None))
        {
            wanted++;
        }

        StoredMessage[] received = [];
        try
        {
            received = (await queue.ReceiveMessagesAsync(wanted, options.RunningVisibility, stoppingToken)).Value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage unreachable or refusing: keep listening; the empty result backs the polling off.
            logger.LogWarning(ex, "Receiving from {Queue} failed", function.QueueName);
        }
        finally
        {
            var unused = wanted - received.Length;
            if (unused > 0)
            {
                slots.Release(unused);
            }
        }

        return received;
    }

    private async Task RunAndFreeSlotAsync(StoredMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(message, stoppingToken);
        }
        catch (Exception ex)
        {
            // Only storage calls can throw here (the invoker turns function failures into outcomes); the message
            // reappears when its visibility lapses and is tried again.
            logger.LogWarning(ex, "Settling message {MessageId} of {Queue} failed", message.MessageId, function.QueueName);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task ProcessAsync(StoredMessage message, CancellationToken stoppingToken)
    {
        // Settling a message must finish even while stopping, so those calls do not take the stopping token.
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            // Received more often than allowed without being settled (the process died mid-run): do not run again.
            await MoveToPoisonAsync(message, message.PopReceipt);
            return;
        }

        var lease = MessageLease.Hold(queue, message, options.RunningVisibility, time, logger);
        bool succeeded;
        await using (lease)
        {
            succeeded = await invoker.InvokeAsync(function, message, $"message '{message.MessageId}' (attempt {message.DequeueCount})", stoppingToken);
        }

        if (succeeded)
        {
            await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
        }
        else if (message.DequeueCount >= options.MaxDequeueCount && !stoppingToken.IsCancellationRequested)
        {
            await MoveToPoisonAsync(message, lease.PopReceipt);
        }
        else
        {
            await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
        }
    }

    private async Task MoveToPoisonAsync(StoredMessage message, string popReceipt)
    {
        logger.LogError(
            "Message {MessageId} of {Queue} failed {DequeueCount} attempts; moving it to {PoisonQueue}",
            message.MessageId, function.QueueName, message.DequeueCount, poison.Name);
        await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
    }
}
