using System.Text.Json.Nodes;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Tests.Ledger;

/// <summary>The chain store against Azurite: appends are all-or-nothing, one block per height, one landing per event.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class TableLedgerStoreTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly EcdsaSigningKey key = EcdsaSigningKey.Create();
    private readonly string chain = Identifier.New("asc");
    private TableLedgerStore store = null!;

    public async Task InitializeAsync()
    {
        await azurite.Storage.Tables.CreateTableIfNotExistsAsync(StorageNames.LedgerTable);
        store = new TableLedgerStore(azurite.Storage);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => key.Dispose();

    [Fact]
    public async Task Blocks_append_in_order_and_read_back_as_sealed()
    {
        var first = await SealAsync(null, "evt-1", "evt-2");
        var head = await store.TryAppendAsync(first, null);
        var stored = await store.GetHeadAsync(chain);
        Assert.Equal((stored!.Head, stored.ETag), (head!.Head, head.ETag));

        // The head an append returns is good to append on, as the appender does without reading it again.
        var second = await SealAsync(head.Head, "evt-3");
        Assert.NotNull(await store.TryAppendAsync(second, head));

        var blocks = await ReadAllAsync();
        Assert.Equal([first.ToExportLine(), second.ToExportLine()], blocks.Select(b => b.ToExportLine()));
        var newHead = (await store.GetHeadAsync(chain))!.Head;
        Assert.Equal((1L, 3L, second.Header.Hash()), (newHead.Height, newHead.TxCount, newHead.BlockHash));
        Assert.Equal(new EventLocation(1, 0), await store.FindEventAsync(chain, "evt-3"));
    }

    [Fact]
    public async Task Of_two_appenders_racing_for_the_same_height_exactly_one_wins_and_the_loser_writes_nothing()
    {
        var genesis = await SealAsync(null, "evt-0");
        Assert.NotNull(await store.TryAppendAsync(genesis, null));
        var head = await store.GetHeadAsync(chain);
        var mine = await SealAsync(head!.Head, "evt-a");
        var theirs = await SealAsync(head.Head, "evt-b");

        var outcomes = await Task.WhenAll(store.TryAppendAsync(mine, head), store.TryAppendAsync(theirs, head));

        Assert.Single(outcomes, won => won is not null);
        var loser = outcomes[0] is not null ? "evt-b" : "evt-a";
        Assert.Null(await store.FindEventAsync(chain, loser));
        Assert.Equal(2, (await ReadAllAsync()).Count);
        Assert.Equal(2, (await store.GetHeadAsync(chain))!.Head.TxCount);
    }

    [Fact]
    public async Task A_block_holding_an_event_already_on_the_chain_is_refused_whole()
    {
        Assert.NotNull(await store.TryAppendAsync(await SealAsync(null, "evt-1"), null));
        var head = await store.GetHeadAsync(chain);

        var replay = await SealAsync(head!.Head, "evt-2", "evt-1");

        Assert.Null(await store.TryAppendAsync(replay, head));
        Assert.Null(await store.FindEventAsync(chain, "evt-2"));
        Assert.Equal(0, (await store.GetHeadAsync(chain))!.Head.Height);
    }

    [Fact]
    public async Task A_block_too_large_for_one_property_is_stored_in_chunks_and_reads_back_unchanged()
    {
        var big = Enumerable.Range(0, 40).Select(i => $"evt-{i}").ToArray();
        var block = await SealAsync(null, big, padding: 3_000);
        Assert.NotNull(await store.TryAppendAsync(block, null));

        var read = await store.GetBlockAsync(chain, 0);

        Assert.Equal(block.ToExportLine(), read!.ToExportLine());
    }

    [Fact]
    public async Task The_head_keeps_the_peaks_of_the_chains_merkle_tree_and_a_head_without_them_is_read_from_the_blocks()
    {
        foreach (var events in new[] { new[] { "evt-1", "evt-2" }, ["evt-3"], ["evt-4", "evt-5", "evt-6", "evt-7"] })
        {
            var head = await store.GetHeadAsync(chain);
            Assert.NotNull(await store.TryAppendAsync(await SealAsync(head?.Head, events), head));
        }

        var scanned = new MerkleAccumulator();
        foreach (var leaf in (await ReadAllAsync()).SelectMany(block => block.LeafHashes()))
        {
            scanned.Append(leaf);
        }

        var stored = (await store.GetHeadAsync(chain))!;
        Assert.Equal(3, stored.TreePeaks!.Count);
        Assert.Equal(scanned.RootHash(), (await store.TreeAsync(stored)).RootHash());
        Assert.Equal(scanned.RootHash(), (await store.TreeAsync(stored with { TreePeaks = null })).RootHash());

        // A head written before the peaks were kept: the next block's append works them out and keeps them.
        var table = azurite.Storage.Tables.GetTableClient(StorageNames.LedgerTable);
        var headRow = (await table.GetEntityAsync<TableEntity>(chain, "head")).Value;
        headRow.Remove("TreePeaks");
        await table.UpdateEntityAsync(headRow, headRow.ETag, TableUpdateMode.Replace);
        var legacy = (await store.GetHeadAsync(chain))!;
        Assert.Null(legacy.TreePeaks);
        var next = await SealAsync(legacy.Head, "evt-8");
        Assert.NotNull(await store.TryAppendAsync(next, legacy));
        foreach (var leaf in next.LeafHashes())
        {
            scanned.Append(leaf);
        }

        var after = (await store.GetHeadAsync(chain))!;
        Assert.Single(after.TreePeaks!);
        Assert.Equal(scanned.RootHash(), (await store.TreeAsync(after)).RootHash());
    }

    private Task<Block> SealAsync(ChainHead? previous, params string[] eventIds) => SealAsync(previous, eventIds, padding: 0);

    private Task<Block> SealAsync(ChainHead? previous, string[] eventIds, int padding)
    {
        var transactions = eventIds.Select(id => new LedgerTransaction(
            "job.accepted", chain, id, Now, Now, "supplier:sup_1", "job_1", new JsonObject { ["note"] = new string('x', padding) })).ToList();
        return BlockSealer.SealAsync(chain, previous, transactions, Now, key);
    }

    private async Task<List<Block>> ReadAllAsync()
    {
        var blocks = new List<Block>();
        await foreach (var block in store.ReadBlocksAsync(chain))
        {
            blocks.Add(block);
        }

        return blocks;
    }
}
