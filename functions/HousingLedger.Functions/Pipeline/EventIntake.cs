using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, Task> wakeUpsBeingSent = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Accepts several events of <paramref name="chain"/> and rows they share in one transaction (see
    /// <see cref="StateStore.AcceptTogetherAsync"/>), without waking the appender: the caller wakes it once when done.
    /// </summary>
    public Task<RefusedAcceptance?> AcceptTogetherAsync(
        string chain, IReadOnlyList<Acceptance> acceptances, IEnumerable<StateChange> shared, CancellationToken cancellationToken) =>
        state.AcceptTogetherAsync(chain, acceptances, shared, cancellationToken);

    /// <summary>
    /// Asks for everything accepted on <paramref name="chain"/> to be appended; best effort, since the catch-up timer
    /// appends it anyway. Callers that ask while a wake-up of the chain is being sent share that one: the appender
    /// reads the outbox only once the message has been received, after the send ends, so after each caller's event
    /// was durable. A burst of events on one chain costs a queue message or two, not one each.
    /// </summary>
    public Task WakeAppenderAsync(string chain, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (wakeUpsBeingSent.TryGetValue(chain, out var sending))
            {
                return sending.WaitAsync(cancellationToken);
            }

            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (wakeUpsBeingSent.TryAdd(chain, sent.Task))
            {
                _ = SendWakeUpAsync(chain, sent);
                return sent.Task.WaitAsync(cancellationToken);
            }
        }
    }

    private async Task SendWakeUpAsync(string chain, TaskCompletionSource sent)
    {
        try
        {
            // Not the caller's token: a client that hangs up must not cancel the wake-up others are sharing.
            var queue = storage.Queues.GetQueueClient(StorageNames.LedgerAppendQueue);
            await queue.SendMessageAsync(LedgerAppendMessage.Write(chain), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The events are durable already; the catch-up timer appends them if this wake-up never arrives. Storage
            // that stays away fails with retries exhausted as well as with a status, and neither may fail the request.
            logger.LogWarning(ex, "Could not queue the append of chain {Chain}; the catch-up timer will", chain);
        }
        finally
        {
            wakeUpsBeingSent.TryRemove(KeyValuePair.Create(chain, sent.Task));
            sent.SetResult();
        }
    }
}
