using Azure.Data.Tables;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Tests.Ledger;

/// <summary>Block rows keep the peaks of the tree they extend, and consistency proofs start from them.</summary>
public sealed partial class TableLedgerStoreTests
{
    // 16 transactions in blocks of uneven sizes, so block boundaries fall inside and between the tree's subtrees.
    private static readonly int[] BlockSizes = [2, 1, 4, 3, 1, 5];

    private TableClient LedgerTable => azurite.Storage.Tables.GetTableClient(StorageNames.LedgerTable);

    [Fact]
    public async Task Each_block_row_keeps_its_first_leaf_index_and_the_peaks_of_the_tree_it_extends()
    {
        var leaves = await AppendChainAsync();

        var firstLeaf = 0;
        for (var height = 0; height < BlockSizes.Length; height++)
        {
            var row = (await LedgerTable.GetEntityAsync<TableEntity>(chain, $"block|{height:D19}")).Value;
            var want = Hex(PeaksOf(leaves[..firstLeaf]));
            var found = Hex(Convert.FromBase64String(row.GetString("PeaksBefore")!).Chunk(Rfc6962.HashSize));

            Assert.True(row.GetInt64("FirstLeafIndex") == firstLeaf, $"block {height}: first leaf {row.GetInt64("FirstLeafIndex")}, want {firstLeaf}");
            Assert.True(want == found, $"block {height}: peaks before it {found}, want {want}");
            firstLeaf += BlockSizes[height];
        }
    }

    [Fact]
    public async Task A_consistency_proof_between_any_two_sizes_is_the_one_built_from_every_leaf()
    {
        var leaves = await AppendChainAsync();

        await AssertEveryProofAsync(leaves);
    }

    [Fact]
    public async Task A_consistency_proof_reads_no_block_before_the_one_holding_the_old_size()
    {
        var leaves = await AppendChainAsync();
        var head = (await store.GetHeadAsync(chain))!.Head;
        var first = (await LedgerTable.GetEntityAsync<TableEntity>(chain, $"block|{0:D19}")).Value;
        first["Block0"] = "not a block";
        await LedgerTable.UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace);

        // Block 2 holds leaves 3–6, so a proof from size 3 starts there; one from size 1 needs block 0.
        var proof = await store.ConsistencyProofAsync(head, 3, 16);

        Assert.Equal(Hex(Rfc6962.ConsistencyProof(leaves, 3, 16)), Hex(proof));
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => store.ConsistencyProofAsync(head, 1, 16));
    }

    [Fact]
    public async Task Blocks_written_before_their_rows_kept_peaks_give_the_same_proofs_from_the_chains_first_block()
    {
        var leaves = await AppendChainAsync();
        await foreach (var row in LedgerTable.QueryAsync<TableEntity>($"PartitionKey eq '{chain}' and RowKey ge 'block|' and RowKey lt '{Keys.PrefixEnd("block|")}'"))
        {
            row.Remove("PeaksBefore");
            await LedgerTable.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }

        await AssertEveryProofAsync(leaves);
    }

    [Fact]
    public async Task Sizes_outside_the_chain_are_refused_before_any_read()
    {
        await AppendChainAsync();
        var head = (await store.GetHeadAsync(chain))!.Head;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ConsistencyProofAsync(head, 3, 17));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ConsistencyProofAsync(head, 5, 4));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ConsistencyProofAsync(head, -1, 4));
    }

    private async Task AssertEveryProofAsync(byte[][] leaves)
    {
        var head = (await store.GetHeadAsync(chain))!.Head;
        var wrong = new List<string>();
        for (var to = 0; to <= leaves.Length; to++)
        {
            for (var from = 0; from <= to; from++)
            {
                var want = from == 0 || from == to ? string.Empty : Hex(Rfc6962.ConsistencyProof(leaves, from, to));
                var found = Hex(await store.ConsistencyProofAsync(head, from, to));
                if (want != found)
                {
                    wrong.Add($"{from} -> {to}: {found}, want {want}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Appends a block per entry of <see cref="BlockSizes"/> and returns the chain's leaf hashes.</summary>
    private async Task<byte[][]> AppendChainAsync()
    {
        var leaves = new List<byte[]>();
        StoredHead? head = null;
        foreach (var (size, height) in BlockSizes.Select((size, height) => (size, height)))
        {
            var block = await SealAsync(head?.Head, [.. Enumerable.Range(0, size).Select(i => $"evt-{height}-{i}")]);
            head = await store.TryAppendAsync(block, head);
            Assert.NotNull(head);
            leaves.AddRange(block.LeafHashes());
        }

        return [.. leaves];
    }

    private static IReadOnlyList<byte[]> PeaksOf(IEnumerable<byte[]> leaves)
    {
        var tree = new MerkleAccumulator();
        foreach (var leaf in leaves)
        {
            tree.Append(leaf);
        }

        return tree.Peaks;
    }

    private static string Hex(IEnumerable<byte[]> hashes) => string.Join(",", hashes.Select(Convert.ToHexStringLower));
}
