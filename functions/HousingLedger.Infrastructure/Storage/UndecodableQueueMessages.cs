using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;

namespace HousingLedger.Infrastructure.Storage;

/// <summary>
/// What happens to a received message that is not Base64: without this, the SDK fails the whole receive and
/// the one bad message blocks every message behind it. It moves, as received, to <c>&lt;queue&gt;-poison</c>.
/// </summary>
internal static class UndecodableQueueMessages
{
    public static async Task MoveToPoisonAsync(QueueMessageDecodingFailedEventArgs args)
    {
        // A peeked message has no pop receipt, so it cannot be removed; the next receive will move it.
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        var poison = args.Queue.GetParentQueueServiceClient().GetQueueClient(StorageNames.PoisonQueueFor(args.Queue.Name));
        if (args.IsRunningSynchronously)
        {
            poison.CreateIfNotExists(cancellationToken: args.CancellationToken);
            poison.SendMessage(message.Body, cancellationToken: args.CancellationToken);
            args.Queue.DeleteMessage(message.MessageId, message.PopReceipt, args.CancellationToken);
            return;
        }

        await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
    }
}
