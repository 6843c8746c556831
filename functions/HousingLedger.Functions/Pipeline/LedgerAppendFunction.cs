using HousingLedger.Functions.Hosting;

namespace HousingLedger.Functions.Pipeline;

/// <summary>Queue trigger on <c>ledger-append</c>: drains the named chain's outbox into blocks.</summary>
public sealed class LedgerAppendFunction(LedgerAppender appender, ILogger<LedgerAppendFunction> logger) : IQueueFunction
{
    public const string Name = "LedgerAppend";

    public async Task RunAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var chain = LedgerAppendMessage.ReadChain(message.Body);
        if (chain is null)
        {
            // Retrying cannot make it readable; acknowledge it so it does not block others.
            logger.LogError("Ignored ledger-append message {MessageId}: it names no valid chain", message.Id);
            return;
        }

        await appender.AppendPendingAsync(chain, cancellationToken);
    }
}
