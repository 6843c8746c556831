using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.Pipeline;

/// <summary>
/// Makes an event durable and wakes the appender. Once <see cref="AcceptAsync"/> answers
/// <see cref="AcceptOutcome.Accepted"/> the event will reach its chain exactly once: it sits in the chain's outbox,
/// and if the wake-up message is lost the catch-up timer finds it.
/// </summary>
public sealed class EventIntake(StateStore state, StorageClients storage, TimeProvider time, ILogger<EventIntake> logger)
{
    /// <summary>A transaction recorded now, with the caller's event id or a new one.</summary>
    public LedgerTransaction NewTransaction(
        string type, string chain, string? eventId, DateTimeOffset? occurredAt, string actor, string subject, JsonObject data, DateTimeOffset? recordedAt = null)
    {
        var now = recordedAt ?? time.GetUtcNow();
        return new LedgerTransaction(type, chain, eventId ?? Identifier.New("evt"), occurredAt ?? now, now, actor, subject, data);
    }

    public async Task<AcceptOutcome> AcceptAsync(LedgerTransaction transaction, IEnumerable<StateChange> changes, CancellationToken cancellationToken)
    {
        var outcome = await state.AcceptAsync(transaction, changes, cancellationToken);
        if (outcome == AcceptOutcome.Accepted)
        {
            await WakeAppenderAsync(transaction.Chain, cancellationToken);
        }

        return outcome;
    }

    private async Task WakeAppenderAsync(string chain, CancellationToken cancellationToken)
    {
        try
        {
            var queue = storage.Queues.GetQueueClient(StorageNames.LedgerAppendQueue);
            await queue.SendMessageAsync(LedgerAppendMessage.Write(chain), cancellationToken);
        }
        catch (Azure.RequestFailedException ex)
        {
            // The event is durable already; the catch-up timer appends it if this wake-up never arrives.
            logger.LogWarning(ex, "Could not queue the append of chain {Chain}; the catch-up timer will", chain);
        }
    }
}
