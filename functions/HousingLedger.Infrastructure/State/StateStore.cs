using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Each chain's live state in Table Storage; partition = chain (an association id, or <c>operator</c>). Rows:
/// <c>job|{jobId}</c>, <c>contract|{contractId}</c>, <c>workorder|{jobId}</c>, <c>event|{eventId}</c> (every
/// accepted event id, kept for good: the duplicate check) and <c>outbox|{recordedAt}|{eventId}</c> (accepted,
/// not yet on the chain). Accepting an event writes its claim, its outbox row and the state it changes in one
/// entity-group transaction: once that commits the event is durable (the 202), and the appender moves it onto
/// the chain later.
/// </summary>
public sealed class StateStore(StorageClients storage)
{
    private const string OutboxPrefix = "outbox|";

    private TableClient Table => storage.Tables.GetTableClient(StorageNames.StateTable);

    /// <summary>
    /// Accepts <paramref name="transaction"/> onto its chain's outbox together with the rows it changes.
    /// Nothing is written unless everything is.
    /// </summary>
    public async Task<AcceptOutcome> AcceptAsync(LedgerTransaction transaction, IEnumerable<StateChange> changes, CancellationToken cancellationToken = default)
    {
        var chain = transaction.Chain;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(chain, EventKey(transaction.EventId))
            {
                ["Type"] = transaction.Type,
                ["Subject"] = transaction.Subject,
            }),
        };
        var outbox = new TableEntity(chain, OutboxPrefix + Keys.Padded(transaction.RecordedAt.UtcTicks) + "|" + transaction.EventId);
        LargeText.Write(outbox, "Tx", transaction.ToJson().ToJsonString());
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, outbox));
        actions.AddRange(changes.Select(change => change.ToAction(chain)));

        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return AcceptOutcome.Accepted;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return ex.FailedTransactionActionIndex switch
            {
                0 => AcceptOutcome.DuplicateEvent,
                _ when ex.Status == 412 => AcceptOutcome.StaleState,
                _ => AcceptOutcome.AlreadyExists,
            };
        }
    }

    /// <summary>Whether an event id was already accepted on this chain, and as what type.</summary>
    public async Task<string?> GetAcceptedEventTypeAsync(string chain, string eventId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, EventKey(eventId), ["Type"], cancellationToken);
        return response.HasValue ? response.Value!.GetString("Type") : null;
    }

    public async Task<StoredDocument?> GetAsync(string chain, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, rowKey, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        return new StoredDocument(DocumentRow.Read(response.Value!), response.Value!.ETag.ToString());
    }

    /// <summary>
    /// Every document row of <paramref name="chain"/> whose key starts with <paramref name="prefix"/> (an
    /// association's jobs, contracts, runs, batches), in key order, streamed page by page from one range query.
    /// </summary>
    public IAsyncEnumerable<(string RowKey, StoredDocument Row)> ListAsync(string chain, string prefix, CancellationToken cancellationToken = default) =>
        ListAsync(chain, prefix, Keys.PrefixEnd(prefix), cancellationToken);

    /// <summary>
    /// Every document row of <paramref name="chain"/> whose key lies in [<paramref name="fromKey"/>,
    /// <paramref name="toKey"/>), in key order, streamed page by page from one range query.
    /// </summary>
    public async IAsyncEnumerable<(string RowKey, StoredDocument Row)> ListAsync(
        string chain, string fromKey, string toKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(Keys.RangeFilter(chain, fromKey, toKey), cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, new StoredDocument(DocumentRow.Read(entity), entity.ETag.ToString()));
        }
    }

    /// <summary>The document row of <paramref name="chain"/> with the least key in [<paramref name="fromKey"/>, <paramref name="toKey"/>), or null when there is none.</summary>
    public async Task<StoredDocument?> FirstAsync(string chain, string fromKey, string toKey, CancellationToken cancellationToken = default)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(Keys.RangeFilter(chain, fromKey, toKey), maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return new StoredDocument(DocumentRow.Read(entity), entity.ETag.ToString());
        }

        return null;
    }

    /// <summary>When a row was last written, or null when there is none.</summary>
    public async Task<DateTimeOffset?> LastWrittenAsync(string chain, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, rowKey, ["Timestamp"], cancellationToken);
        return response.HasValue ? response.Value!.Timestamp : null;
    }

    /// <summary>Writes a document outside any event (e.g. a work order's delivery status); last writer wins.</summary>
    public async Task PutAsync(string chain, string rowKey, JsonObject document, CancellationToken cancellationToken = default)
    {
        await Table.UpsertEntityAsync(DocumentRow.Create(chain, rowKey, document), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The oldest events accepted on a chain and not yet removed from its outbox, oldest first.</summary>
    public async Task<IReadOnlyList<PendingEvent>> ReadOutboxAsync(string chain, int max, CancellationToken cancellationToken = default)
    {
        var pending = new List<PendingEvent>(max);
        await foreach (var entity in Table.QueryAsync<TableEntity>(Keys.PrefixFilter(chain, OutboxPrefix), maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
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

    public async Task RemoveFromOutboxAsync(string chain, IEnumerable<PendingEvent> appended, CancellationToken cancellationToken = default)
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

    /// <summary>Chains with an event accepted before <paramref name="acceptedBefore"/> that is still in the outbox.</summary>
    public async IAsyncEnumerable<string> ChainsWithPendingEventsAsync(DateTimeOffset acceptedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var upper = OutboxPrefix + Keys.Padded(acceptedBefore.UtcTicks);
        var filter = $"RowKey ge '{OutboxPrefix}' and RowKey lt '{upper}'";
        string? last = null;
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (entity.PartitionKey != last)
            {
                last = entity.PartitionKey;
                yield return last;
            }
        }
    }

    private static string EventKey(string eventId) => "event|" + eventId;
}

/// <summary>A JSON document kept in the state table, with the version (ETag) to update it against.</summary>
public sealed record StoredDocument(JsonObject Document, string Version);

/// <summary>An accepted event waiting in a chain's outbox.</summary>
public sealed record PendingEvent(string OutboxKey, LedgerTransaction Transaction);

/// <summary>How an attempt to accept an event ended.</summary>
public enum AcceptOutcome
{
    /// <summary>Durable: it will reach the chain exactly once.</summary>
    Accepted,

    /// <summary>The event id was accepted before; nothing was written.</summary>
    DuplicateEvent,

    /// <summary>The state it was checked against changed meanwhile; re-read and decide again.</summary>
    StaleState,

    /// <summary>A row it creates exists already (e.g. a contract id taken); nothing was written.</summary>
    AlreadyExists,
}

/// <summary>A state row written together with an accepted event.</summary>
public sealed record StateChange
{
    private StateChange(string rowKey, JsonObject? document, TableTransactionActionType action, ETag version)
    {
        RowKey = rowKey;
        Document = document;
        Action = action;
        Version = version;
    }

    public string RowKey { get; }

    /// <summary>The row's new document; null when the row is deleted.</summary>
    public JsonObject? Document { get; }

    private TableTransactionActionType Action { get; }

    private ETag Version { get; }

    /// <summary>Creates a row that must not exist yet.</summary>
    public static StateChange Create(string rowKey, JsonObject document) => new(rowKey, document, TableTransactionActionType.Add, default);

    /// <summary>Replaces a row as it was read (optimistic concurrency on its version).</summary>
    public static StateChange Replace(string rowKey, JsonObject document, string version) =>
        new(rowKey, document, TableTransactionActionType.UpdateReplace, new ETag(version));

    /// <summary>
    /// Writes a row whether or not it exists: for rows derived from another row that the same transaction
    /// replaces or creates, whose version then guards both.
    /// </summary>
    public static StateChange Put(string rowKey, JsonObject document) => new(rowKey, document, TableTransactionActionType.UpsertReplace, default);

    /// <summary>Deletes a row that exists (the transaction fails if it does not), whatever its version.</summary>
    public static StateChange Delete(string rowKey) => new(rowKey, null, TableTransactionActionType.Delete, ETag.All);

    internal TableTransactionAction ToAction(string chain) => Document is null
        ? new TableTransactionAction(Action, new TableEntity(chain, RowKey), Version)
        : new TableTransactionAction(Action, DocumentRow.Create(chain, RowKey, Document), Version);
}
