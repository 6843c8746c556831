using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Ledger;

/// <summary>
/// The chains in Table Storage, append-only. Partition = chain. Rows:
/// <c>head</c> (height, block hash, transaction count and the peaks of the chain's Merkle tree; its ETag serialises appenders),
/// <c>block|{height}</c> (the block as its export line, the index of its first leaf, and the peaks of the tree the block
/// extends, so a consistency proof starts at the block rather than at the chain's first; see the other part of this class),
/// and <c>event|{eventId}</c> (where an event landed).
/// A block, its event rows and the head move together in one entity-group transaction, so two appenders can
/// never claim the same height and no event id can land twice: the loser's transaction fails whole.
/// Blocks and event rows are only ever inserted; only the head row is replaced.
/// </summary>
public sealed partial class TableLedgerStore(StorageClients storage)
{
    /// <summary>Head, block and event rows must fit one 100-entity transaction.</summary>
    public const int MaxTransactionsPerBlock = 98;

    /// <summary>Characters of transaction JSON one block row can hold.</summary>
    public const int MaxBlockCharacters = LargeText.MaxLength - 20_000;

    private const string HeadRow = "head";
    // The head row's compact range of the chain's Merkle tree: its peaks' 32-byte hashes, concatenated, in base64.
    private const string TreePeaks = "TreePeaks";
    // A block row's index of its first leaf (the size of the tree it extends), and that tree's peaks, written as TreePeaks.
    private const string FirstLeafIndex = "FirstLeafIndex";
    private const string PeaksBefore = "PeaksBefore";
    private const string BlockPrefix = "block|";
    private const string EventPrefix = "event|";

    private TableClient Table => storage.Tables.GetTableClient(StorageNames.LedgerTable);

    public async Task<StoredHead?> GetHeadAsync(string chain, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, HeadRow, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        var head = new ChainHead(chain, entity.GetInt64("Height")!.Value, entity.GetString("BlockHash"), entity.GetInt64("TxCount")!.Value);
        return new StoredHead(head, entity.ETag, ReadPeaks(entity.GetString(TreePeaks)));
    }

    /// <summary>
    /// The Merkle tree of every transaction on the chain up to <paramref name="head"/> (empty for null), as a compact
    /// range to append to or take the root of: from the peaks kept on the head, or, for a head written before they
    /// were kept, by reading the chain's blocks.
    /// </summary>
    public async Task<MerkleAccumulator> TreeAsync(StoredHead? head, CancellationToken cancellationToken = default)
    {
        if (head is null)
        {
            return new MerkleAccumulator();
        }

        if (head.TreePeaks is { } peaks)
        {
            return MerkleAccumulator.Resume(head.Head.TxCount, peaks);
        }

        var tree = new MerkleAccumulator();
        await foreach (var block in ReadBlocksAsync(head.Head.Chain, 0, head.Head.Height, cancellationToken))
        {
            foreach (var leaf in block.LeafHashes())
            {
                tree.Append(leaf);
            }
        }

        return tree;
    }

    /// <summary>
    /// Appends a sealed block on top of <paramref name="expected"/> (null for the first block) and returns the new
    /// head, so an appender with more to append need not read it again. Returns null, having written nothing, when
    /// another appender moved the head or already appended one of its events.
    /// </summary>
    public async Task<StoredHead?> TryAppendAsync(Block block, StoredHead? expected, CancellationToken cancellationToken = default)
    {
        var header = block.Header;
        var chain = header.Chain;
        var tree = await TreeAsync(expected, cancellationToken);
        var peaksBefore = tree.Peaks;
        foreach (var leaf in block.LeafHashes())
        {
            tree.Append(leaf);
        }

        var head = ChainHead.After(expected?.Head, block);
        var newHead = new TableEntity(chain, HeadRow)
        {
            ["Height"] = head.Height,
            ["BlockHash"] = head.BlockHash,
            ["TxCount"] = head.TxCount,
            [TreePeaks] = WritePeaks(tree.Peaks),
        };

        var blockRow = new TableEntity(chain, BlockKey(header.Height))
        {
            [FirstLeafIndex] = expected?.Head.TxCount ?? 0,
            [PeaksBefore] = WritePeaks(peaksBefore),
        };
        LargeText.Write(blockRow, "Block", block.ToJson().ToJsonString());

        var actions = new List<TableTransactionAction>(block.Transactions.Count + 2)
        {
            expected is null
                ? new TableTransactionAction(TableTransactionActionType.Add, newHead)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, expected.ETag),
            new(TableTransactionActionType.Add, blockRow),
        };
        for (var index = 0; index < block.Transactions.Count; index++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(chain, EventKey(block.Transactions[index].EventId))
            {
                ["Height"] = header.Height,
                ["Index"] = index,
            }));
        }

        try
        {
            var written = await Table.SubmitTransactionAsync(actions, cancellationToken);
            return written.Value[0].Headers.ETag is { } etag
                ? new StoredHead(head, etag, tree.Peaks)
                : await GetHeadAsync(chain, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Which of these event ids are already on the chain.</summary>
    public async Task<IReadOnlySet<string>> FindAppendedAsync(string chain, IEnumerable<string> eventIds, CancellationToken cancellationToken = default)
    {
        var lookups = eventIds.Distinct().Select(async id => (id, location: await FindEventAsync(chain, id, cancellationToken)));
        var found = await Task.WhenAll(lookups);
        return found.Where(f => f.location is not null).Select(f => f.id).ToHashSet();
    }

    /// <summary>Where an event landed: its block's height and its index within the block.</summary>
    public async Task<EventLocation?> FindEventAsync(string chain, string eventId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, EventKey(eventId), cancellationToken: cancellationToken);
        return response.HasValue
            ? new EventLocation(response.Value!.GetInt64("Height")!.Value, response.Value.GetInt32("Index")!.Value)
            : null;
    }

    public async Task<Block?> GetBlockAsync(string chain, long height, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, BlockKey(height), cancellationToken: cancellationToken);
        return response.HasValue ? ReadBlock(response.Value!) : null;
    }

    /// <summary>Blocks from <paramref name="fromHeight"/> to <paramref name="toHeight"/> inclusive, in order, streamed.</summary>
    public async IAsyncEnumerable<Block> ReadBlocksAsync(
        string chain, long fromHeight = 0, long toHeight = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var upper = toHeight == long.MaxValue ? Keys.PrefixEnd(BlockPrefix) : BlockKey(toHeight) + "~";
        var filter = $"PartitionKey eq '{chain}' and RowKey ge '{BlockKey(fromHeight)}' and RowKey lt '{upper}'";
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            yield return ReadBlock(entity);
        }
    }

    private static Block ReadBlock(TableEntity entity)
    {
        var json = JsonNode.Parse(LargeText.Read(entity, "Block"))?.AsObject()
            ?? throw new InvalidDataException($"Block row {entity.PartitionKey}/{entity.RowKey} is empty.");
        return StoredBlock.Parse(json);
    }

    private static string BlockKey(long height) => BlockPrefix + Keys.Padded(height);

    private static string WritePeaks(IEnumerable<byte[]> peaks) => Convert.ToBase64String([.. peaks.SelectMany(peak => peak)]);

    private static List<byte[]>? ReadPeaks(string? base64) =>
        base64 is null ? null : [.. Convert.FromBase64String(base64).Chunk(Rfc6962.HashSize)];

    private static string EventKey(string eventId) => EventPrefix + eventId;
}

/// <summary>
/// A chain's head as stored, with the ETag an appender must match to move it, and the peaks of the chain's Merkle
/// tree (<see cref="MerkleAccumulator.Peaks"/>); null for a head written before they were kept.
/// </summary>
public sealed record StoredHead(ChainHead Head, ETag ETag, IReadOnlyList<byte[]>? TreePeaks);

/// <summary>Where an event sits on its chain.</summary>
public sealed record EventLocation(long Height, int Index);
