using Azure.Storage.Queues.Models;
using HousingLedger.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Pipeline;

/// <summary>Queue trigger on <c>ledger-append</c>: drains the named chain's outbox into blocks.</summary>
public sealed class LedgerAppendFunction(LedgerAppender appender, ILogger<LedgerAppendFunction> logger)
{
    [Function("LedgerAppend")]
    public async Task RunAsync(
        [QueueTrigger(StorageNames.LedgerAppendQueue, Connection = StorageClients.ConnectionSettingName)] QueueMessage message, CancellationToken cancellationToken)
    {
        var chain = LedgerAppendMessage.ReadChain(message.MessageText);
        if (chain is null)
        {
            // Retrying cannot make it readable; acknowledge it so it does not block others.
            logger.LogError("Ignored ledger-append message {MessageId}: it names no valid chain", message.MessageId);
            return;
        }

        await appender.AppendPendingAsync(chain, cancellationToken);
    }
}
