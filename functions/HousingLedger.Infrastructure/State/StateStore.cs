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
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Each chain's live state in Table Storage; partition = chain (an association id, or <c>operator</c>). Accepting an
/// event writes its claim (<c>event|{eventId}</c>, kept for good: the duplicate check), its outbox row
/// (<see cref="OutboxStore"/>) and the state rows it changes in one entity-group transaction: once that commits the
/// event is durable (the 202), and the appender moves it onto the chain later. The rows themselves belong to typed
/// stores that own their keys and shapes (<see cref="JobStore"/>, <see cref="ContractStore"/>, <see cref="PartyStore"/>,
/// <see cref="SettlementStore"/>, <see cref="ContractJobIndex"/>), which read them through this class.
/// </summary>
public sealed class StateStore(StorageClients storage)
{
    private readonly GroupCommit commits = new(() => storage.Tables.GetTableClient(StorageNames.StateTable));

    internal TableClient Table => storage.Tables.GetTableClient(StorageNames.StateTable);

    /// <summary>
    /// Accepts <paramref name="transaction"/> onto its chain's outbox together with the rows it changes.
    /// Nothing is written unless everything is.
    /// </summary>
    public async Task<AcceptOutcome> AcceptAsync(LedgerTransaction transaction, IEnumerable<StateChange> changes, CancellationToken cancellationToken = default) =>
        await AcceptTogetherAsync(transaction.Chain, [new Acceptance(transaction, changes)], [], cancellationToken) is { } refused
            ? refused.Outcome
            : AcceptOutcome.Accepted;

    /// <summary>
    /// Accepts several events of <paramref name="chain"/>, each with the rows it changes, and <paramref name="shared"/>
    /// rows written once for them all (a settlement run's row), in one entity-group transaction: all or none. At most
    /// 100 rows in all, counting each event's claim and outbox row.
    /// </summary>
    /// <returns>Null when all are accepted; else which acceptance a refused row belongs to, and how it was refused.</returns>
    public async Task<RefusedAcceptance?> AcceptTogetherAsync(
        string chain, IReadOnlyList<Acceptance> acceptances, IEnumerable<StateChange> shared, CancellationToken cancellationToken = default)
    {
        var actions = shared.Select(change => change.ToAction(chain)).ToList();
        var starts = new List<int>(acceptances.Count);
        foreach (var (transaction, changes) in acceptances)
        {
            if (transaction.Chain != chain)
            {
                throw new ArgumentException($"Event {transaction.EventId} is of chain {transaction.Chain}, not {chain}.", nameof(acceptances));
            }

            starts.Add(actions.Count);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(chain, EventKey(transaction.EventId))
            {
                ["Type"] = transaction.Type,
                ["Subject"] = transaction.Subject,
            }));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, OutboxStore.RowOf(transaction)));
            actions.AddRange(changes.Select(change => change.ToAction(chain)));
        }

        // Concurrent events of one chain commit together, each answering alone (see GroupCommit).
        if (await commits.CommitAsync(chain, actions, cancellationToken) is not { } refused)
        {
            return null;
        }

        var owner = starts.FindLastIndex(start => start <= refused.Index);
        var claim = owner >= 0 && starts[owner] == refused.Index;
        return new RefusedAcceptance(owner >= 0 ? owner : null, refused.Status switch
        {
            _ when claim => AcceptOutcome.DuplicateEvent,

            // 404: a row it deletes has gone since it was read.
            404 or 412 => AcceptOutcome.StaleState,
            _ => AcceptOutcome.AlreadyExists,
        });
    }

    /// <summary>The event accepted on this chain under <paramref name="eventId"/>: its type and subject; null when there is none.</summary>
    public async Task<AcceptedEvent?> GetAcceptedEventAsync(string chain, EventId eventId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, EventKey(eventId.Value), ["Type", "Subject"], cancellationToken);
        return response.HasValue ? new AcceptedEvent(response.Value!.GetString("Type"), response.Value!.GetString("Subject")) : null;
    }

    internal async Task<StoredDocument?> GetAsync(string chain, string rowKey, CancellationToken cancellationToken = default)
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
    internal IAsyncEnumerable<(string RowKey, StoredDocument Row)> ListAsync(string chain, string prefix, CancellationToken cancellationToken = default) =>
        ListAsync(chain, prefix, Keys.PrefixEnd(prefix), cancellationToken);

    /// <summary>
    /// Every document row of <paramref name="chain"/> whose key lies in [<paramref name="fromKey"/>,
    /// <paramref name="toKey"/>), in key order, streamed page by page from one range query.
    /// </summary>
    internal IAsyncEnumerable<(string RowKey, StoredDocument Row)> ListAsync(string chain, string fromKey, string toKey, CancellationToken cancellationToken = default) =>
        ListAsync(chain, fromKey, toKey, maxPerPage: null, cancellationToken);

    /// <summary>As above, fetching at most <paramref name="maxPerPage"/> rows a round trip (the service's own page size when null), for a reader that stops early.</summary>
    internal async IAsyncEnumerable<(string RowKey, StoredDocument Row)> ListAsync(
        string chain, string fromKey, string toKey, int? maxPerPage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(Keys.RangeFilter(chain, fromKey, toKey), maxPerPage, cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, new StoredDocument(DocumentRow.Read(entity), entity.ETag.ToString()));
        }
    }

    /// <summary>The document row of <paramref name="chain"/> with the least key in [<paramref name="fromKey"/>, <paramref name="toKey"/>), or null when there is none.</summary>
    internal async Task<StoredDocument?> FirstAsync(string chain, string fromKey, string toKey, CancellationToken cancellationToken = default)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(Keys.RangeFilter(chain, fromKey, toKey), maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return new StoredDocument(DocumentRow.Read(entity), entity.ETag.ToString());
        }

        return null;
    }

    /// <summary>Writes a document that must not exist yet, outside any event; false, having written nothing, when it exists.</summary>
    internal async Task<bool> TryCreateAsync(string chain, string rowKey, JsonObject document, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(DocumentRow.Create(chain, rowKey, document), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Writes a document outside any event (e.g. a work order's delivery status); last writer wins.</summary>
    internal async Task PutAsync(string chain, string rowKey, JsonObject document, CancellationToken cancellationToken = default)
    {
        await Table.UpsertEntityAsync(DocumentRow.Create(chain, rowKey, document), TableUpdateMode.Replace, cancellationToken);
    }

    private static string EventKey(string eventId) => "event|" + eventId;
}

/// <summary>A JSON document kept in the state table, with the version (ETag) to update it against.</summary>
public sealed record StoredDocument(JsonObject Document, string Version);

/// <summary>An event accepted on a chain, as its claim on its id records it.</summary>
public sealed record AcceptedEvent(string Type, string Subject);

/// <summary>An event to accept, with the state rows it changes.</summary>
public sealed record Acceptance(LedgerTransaction Transaction, IEnumerable<StateChange> Changes);

/// <summary>
/// Why events accepted together were not: the acceptance (by its index) whose row was refused, or null for one of the
/// rows they share; and how.
/// </summary>
public sealed record RefusedAcceptance(int? Index, AcceptOutcome Outcome);

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
