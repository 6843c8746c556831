using Azure.Storage.Queues.Models;
using HousingLedger.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Pipeline;

/// <summary>Queue trigger on <c>ledger-append</c>: drains the named chain's outbox into blocks.</summary>
public sealed class LedgerAppendFunction(LedgerAppender appender)
{
    [Function("LedgerAppend")]
    public async Task RunAsync(
        [QueueTrigger(StorageNames.LedgerAppendQueue, Connection = StorageClients.ConnectionSettingName)] QueueMessage message, CancellationToken cancellationToken)
    {
        // Failing leaves it to the trigger: after five attempts it is kept in ledger-append-poison for an operator
        // to see, rather than dropped, and it holds up no other message meanwhile.
        var chain = LedgerAppendMessage.ReadChain(message.MessageText)
            ?? throw new InvalidDataException($"The ledger-append message {message.MessageId} names no valid chain.");
        await appender.AppendPendingAsync(chain, cancellationToken, waitForRunningDrain: false);
    }
}
