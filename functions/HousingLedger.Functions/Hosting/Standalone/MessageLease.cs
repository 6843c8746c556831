using Azure;
using Azure.Storage.Queues;
using StoredMessage = Azure.Storage.Queues.Models.QueueMessage;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Keeps a received message hidden while its function runs, however long that takes: every half visibility it is
/// hidden for another, as the host's queue trigger does, so no second instance picks it up mid-run. Each renewal
/// gives the message a new pop receipt; settle the message with <see cref="PopReceipt"/> once disposed.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;
    private string popReceipt;

    private MessageLease(QueueClient queue, StoredMessage message, TimeSpan visibility, TimeProvider time, ILogger logger)
    {
        popReceipt = message.PopReceipt;
        renewing = RenewAsync(queue, message.MessageId, visibility, time, logger, stop.Token);
    }

    /// <summary>The receipt to delete or update the message with, once <see cref="DisposeAsync"/> has returned.</summary>
    public string PopReceipt => popReceipt;

    public static MessageLease Hold(QueueClient queue, StoredMessage message, TimeSpan visibility, TimeProvider time, ILogger logger) =>
        new(queue, message, visibility, time, logger);

    /// <summary>Stops renewing; the message stays hidden for what is left of its last visibility.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
    }

    private async Task RenewAsync(QueueClient queue, string messageId, TimeSpan visibility, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(visibility / 2, time, stopping);

                // Never cancelled midway: a renewal that reached the queue gives the message a new receipt, and losing
                // the answer would leave the message impossible to delete, so it would run again.
                var renewed = await queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: visibility, cancellationToken: CancellationToken.None);
                popReceipt = renewed.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (RequestFailedException ex)
        {
            // The message reappears when its visibility lapses and may run twice; the functions are idempotent.
            logger.LogWarning(ex, "Could not keep message {MessageId} of {Queue} hidden while it runs", messageId, queue.Name);
        }
    }
}
