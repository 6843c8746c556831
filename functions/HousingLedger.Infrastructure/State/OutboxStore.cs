using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Each chain's outbox: events accepted and not yet on the chain, as rows <c>outbox|{recordedAt}|{eventId}</c> of the
/// chain's state partition, so they come out in the order they were recorded. <see cref="StateStore.AcceptAsync"/>
/// writes a row with the event; the appender reads them, seals them into blocks and removes them.
/// </summary>
public sealed class OutboxStore(StorageClients storage)
{
    private const string Prefix = "outbox|";

    private TableClient Table => storage.Tables.GetTableClient(StorageNames.StateTable);

    /// <summary>The oldest events accepted on a chain and not yet removed from its outbox, oldest first.</summary>
    public async Task<IReadOnlyList<PendingEvent>> ReadAsync(string chain, int max, CancellationToken cancellationToken = default)
    {
        var pending = new List<PendingEvent>(max);
        await foreach (var entity in Table.QueryAsync<TableEntity>(Keys.PrefixFilter(chain, Prefix), maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            var json = JsonNode.Parse(LargeText.Read(entity, "Tx"))!.AsObject();
            pending.Add(new PendingEvent(entity.RowKey, StoredTransaction.Parse(json)));
            if (pending.Count == max)
            {
                break;
            }
        }

        return pending;
    }

    public async Task RemoveAsync(string chain, IEnumerable<PendingEvent> appended, CancellationToken cancellationToken = default)
    {
        foreach (var batch in appended.Chunk(100))
        {
            var actions = batch.Select(p => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(chain, p.OutboxKey), ETag.All));
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Another appender removed some of them first; remove the rest one by one.
                foreach (var p in batch)
                {
                    await Table.DeleteEntityAsync(chain, p.OutboxKey, ETag.All, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="chain"/> has an event accepted before <paramref name="acceptedBefore"/> still in its
    /// outbox: one range query within the chain's partition that stops at the first row, so it costs the same however
    /// much history the chain and the table hold.
    /// </summary>
    public async Task<bool> HasWaitingAsync(string chain, DateTimeOffset acceptedBefore, CancellationToken cancellationToken = default)
    {
        var filter = $"PartitionKey eq '{chain}' and RowKey ge '{Prefix}' and RowKey lt '{Prefix + Keys.Padded(acceptedBefore.UtcTicks)}'";
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>The outbox row of an event being accepted.</summary>
    internal static TableEntity RowOf(LedgerTransaction transaction)
    {
        var row = new TableEntity(transaction.Chain, Prefix + Keys.Padded(transaction.RecordedAt.UtcTicks) + "|" + transaction.EventId);
        LargeText.Write(row, "Tx", transaction.ToJson().ToJsonString());
        return row;
    }
}

/// <summary>An accepted event waiting in a chain's outbox.</summary>
public sealed record PendingEvent(string OutboxKey, LedgerTransaction Transaction);
