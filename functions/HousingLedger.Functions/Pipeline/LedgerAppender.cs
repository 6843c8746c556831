using System.Collections.Concurrent;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.Signing;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;

namespace HousingLedger.Functions.Pipeline;

/// <summary>
/// Moves accepted events from a chain's outbox onto the chain, many to a block: one signature and one Table
/// transaction serve up to <see cref="TableLedgerStore.MaxTransactionsPerBlock"/> events.
/// <para>
/// Safe to run anywhere at once. Within a process one appender works on a chain at a time; across processes the
/// head row's ETag decides, and the loser re-reads. An event found on the chain already (a crash after the block
/// was written, before the outbox was cleared) is not appended again, only cleared.
/// </para>
/// </summary>
public sealed class LedgerAppender(
    OutboxStore outbox,
    TableLedgerStore ledger,
    ISigningKey signingKey,
    SigningKeyRegistry keyRegistry,
    IEnumerable<IAppendedEventHandler> followUps,
    TimeProvider time,
    ILogger<LedgerAppender> logger)
{
    private const int OutboxPage = 500;

    private readonly ConcurrentDictionary<string, ChainWork> chains = new(StringComparer.Ordinal);

    /// <summary>
    /// Appends everything accepted on <paramref name="chain"/> before this call; returns how many events this call
    /// appended. Calls for one chain queue behind each other, and one that finds its request already served by the
    /// call before it returns without reading anything, so a burst of wake-up messages costs one drain, not one each.
    /// </summary>
    /// <param name="waitForRunningDrain">
    /// False for a wake-up message: when the chain is being drained in this process already, the call returns 0 at
    /// once and leaves its request to that drain, which reads the outbox again before it stops. So waiting wake-ups
    /// of one busy chain never hold every slot of the queue listener while other chains' wake-ups wait behind them.
    /// </param>
    public async Task<int> AppendPendingAsync(string chain, CancellationToken cancellationToken, bool waitForRunningDrain = true)
    {
        var work = chains.GetOrAdd(chain, _ => new ChainWork());
        Volatile.Write(ref work.Requested, 1);
        if (waitForRunningDrain)
        {
            await work.Gate.WaitAsync(cancellationToken);
        }
        else if (!work.Gate.Wait(0, CancellationToken.None))
        {
            return 0;
        }

        var appended = 0;
        do
        {
            try
            {
                while (Interlocked.Exchange(ref work.Requested, 0) == 1)
                {
                    appended += await DrainAsync(chain, cancellationToken);
                }
            }
            catch
            {
                // Not drained after all: the next caller in line must drain rather than trust this one.
                Volatile.Write(ref work.Requested, 1);
                throw;
            }
            finally
            {
                work.Gate.Release();
            }
        }

        // A request made after the last look, while the gate was still held, may have left without waiting: serve it,
        // unless another caller has taken the gate and will.
        while (Volatile.Read(ref work.Requested) == 1 && work.Gate.Wait(0, CancellationToken.None));

        return appended;
    }

    /// <summary>Appends the chain's whole outbox.</summary>
    private async Task<int> DrainAsync(string chain, CancellationToken cancellationToken)
    {
        var appended = 0;
        var lookOnChainFirst = false;
        while (true)
        {
            var pending = await outbox.ReadAsync(chain, OutboxPage, cancellationToken);
            if (pending.Count == 0)
            {
                return appended;
            }

            var page = await AppendPageAsync(chain, pending, lookOnChainFirst, cancellationToken);
            appended += page.Appended;
            lookOnChainFirst = page.Conflicted;
        }
    }

    /// <summary>
    /// Appends one page of the outbox. The block's transaction refuses an event already on the chain by itself, so
    /// the events are only looked up on the chain (one read each) after such a refusal: after a crash between
    /// writing a block and clearing the outbox, or when another appender got there first.
    /// </summary>
    private async Task<(int Appended, bool Conflicted)> AppendPageAsync(
        string chain, IReadOnlyList<PendingEvent> pending, bool lookOnChainFirst, CancellationToken cancellationToken)
    {
        var onChain = lookOnChainFirst
            ? await ledger.FindAppendedAsync(chain, pending.Select(p => p.Transaction.EventId), cancellationToken)
            : new HashSet<string>();
        var already = pending.Where(p => onChain.Contains(p.Transaction.EventId)).ToList();
        if (already.Count > 0)
        {
            // Written by a run that stopped before it could clear its outbox: finish its work, append nothing.
            await FollowUpAsync(already, cancellationToken);
            await outbox.RemoveAsync(chain, already, cancellationToken);
        }

        var appended = 0;
        var head = await ledger.GetHeadAsync(chain, cancellationToken);
        foreach (var block in BlockContents(pending.Where(p => !onChain.Contains(p.Transaction.EventId))))
        {
            // Each block goes on the head the last one left, without reading it again.
            head = await TryAppendBlockAsync(chain, head, block, cancellationToken);
            if (head is null)
            {
                // Another appender moved the chain on, or some of these events are on it already: the next pass
                // re-reads the outbox and looks them up on the chain.
                return (appended, true);
            }

            appended += block.Count;
            await FollowUpAsync(block, cancellationToken);
            await outbox.RemoveAsync(chain, block, cancellationToken);
        }

        return (appended, false);
    }

    // The new head, or null when the block lost to another appender or held events already on the chain.
    private async Task<StoredHead?> TryAppendBlockAsync(string chain, StoredHead? head, List<PendingEvent> contents, CancellationToken cancellationToken)
    {
        await keyRegistry.RecordAsync(await signingKey.GetPublicKeyAsync(cancellationToken), cancellationToken);
        var block = await BlockSealer.SealAsync(chain, head?.Head, contents.Select(p => p.Transaction).ToList(), time.GetUtcNow(), signingKey, cancellationToken);
        var written = await ledger.TryAppendAsync(block, head, cancellationToken);
        if (written is not null)
        {
            logger.LogInformation("Appended block {Height} with {Count} transactions to chain {Chain}", block.Header.Height, contents.Count, chain);
        }

        return written;
    }

    private async Task FollowUpAsync(IReadOnlyList<PendingEvent> appended, CancellationToken cancellationToken)
    {
        foreach (var handler in followUps)
        {
            await handler.OnAppendedAsync(appended.Select(p => p.Transaction).ToList(), cancellationToken);
        }
    }

    /// <summary>Splits pending events into blocks that fit one Table transaction and one block row.</summary>
    private static IEnumerable<List<PendingEvent>> BlockContents(IEnumerable<PendingEvent> pending)
    {
        var block = new List<PendingEvent>();
        var characters = 0;
        foreach (var item in pending)
        {
            var size = item.Transaction.ToJson().ToJsonString().Length;
            if (block.Count == TableLedgerStore.MaxTransactionsPerBlock || (block.Count > 0 && characters + size > TableLedgerStore.MaxBlockCharacters))
            {
                yield return block;
                block = [];
                characters = 0;
            }

            block.Add(item);
            characters += size;
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }
}

/// <summary>One chain's appending in this process: a gate, and whether a drain has been asked for since the last began.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "One per chain for the life of the process.")]
internal sealed class ChainWork
{
    public readonly SemaphoreSlim Gate = new(1, 1);

    public int Requested;
}

/// <summary>
/// Work that follows an event reaching its chain (a work order after <c>job.raised</c>). Called at least once per
/// appended event — again if the appender stopped before clearing the outbox — so handlers are idempotent.
/// </summary>
public interface IAppendedEventHandler
{
    Task OnAppendedAsync(IReadOnlyList<LedgerTransaction> appended, CancellationToken cancellationToken);
}
