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
        string type, string chain, EventId? eventId, DateTimeOffset? occurredAt, string actor, string subject, JsonObject data, DateTimeOffset? recordedAt = null)
    {
        var now = recordedAt ?? time.GetUtcNow();
        return new LedgerTransaction(type, chain, (eventId ?? TypedId.New<EventId>()).Value, occurredAt ?? now, now, actor, subject, data);
    }

    /// <summary>
    /// Accepts <paramref name="transaction"/> with the rows it changes (see <see cref="StateStore.AcceptAsync"/>)
    /// and, unless <paramref name="wakeAppender"/> is false, wakes the appender for its chain. A caller accepting
    /// many events in a row may wake it once when done instead (<see cref="WakeAppenderAsync"/>).
    /// </summary>
    public async Task<AcceptOutcome> AcceptAsync(
        LedgerTransaction transaction, IEnumerable<StateChange> changes, CancellationToken cancellationToken, bool wakeAppender = true)
    {
        var outcome = await state.AcceptAsync(transaction, changes, cancellationToken);
        if (outcome == AcceptOutcome.Accepted && wakeAppender)
        {
            await WakeAppenderAsync(transaction.Chain, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Asks for everything accepted on <paramref name="chain"/> to be appended; best effort, since the catch-up timer appends it anyway.</summary>
    public async Task WakeAppenderAsync(string chain, CancellationToken cancellationToken)
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
