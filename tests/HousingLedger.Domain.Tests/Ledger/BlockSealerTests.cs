using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

public sealed class BlockSealerTests
{
    private static readonly DateTimeOffset SealedAt = new(2026, 3, 2, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SealAsync_FirstBlock_StartsTheChainAtHeightZeroOnSixtyFourZeros()
    {
        using var key = ChainSamples.SigningKey();
        var transactions = ChainSamples.History()[0];

        var block = await BlockSealer.SealAsync(ChainSamples.Chain, null, transactions, SealedAt, key);

        var header = block.Header;
        Assert.Equal((ChainSamples.Chain, 0L, BlockHeader.GenesisPreviousHash, 2, SealedAt, key.KeyId), (header.Chain, header.Height, header.PreviousHash, header.TxCount, header.SealedAt, header.Kid));
        Assert.Equal(Convert.ToHexStringLower(Rfc6962.RootHash([.. transactions.Select(t => t.LeafHash())])), header.MerkleRoot);
        Assert.Equal(transactions, block.Transactions);
    }

    [Fact]
    public async Task SealAsync_NextBlock_LinksToTheHeadAndCountsOn()
    {
        using var key = ChainSamples.SigningKey();
        var first = await BlockSealer.SealAsync(ChainSamples.Chain, null, ChainSamples.History()[0], SealedAt, key);
        var head = ChainHead.After(null, first);

        var second = await BlockSealer.SealAsync(ChainSamples.Chain, head, ChainSamples.History()[1], SealedAt.AddDays(1), key);

        Assert.Equal((1L, first.Header.Hash()), (second.Header.Height, second.Header.PreviousHash));
        Assert.Equal(new ChainHead(ChainSamples.Chain, 1, second.Header.Hash(), 5), ChainHead.After(head, second));
    }

    [Fact]
    public async Task SealAsync_Signature_IsRawSixtyFourBytesBase64UrlOverTheBlockHash()
    {
        using var key = ChainSamples.SigningKey();

        var block = await BlockSealer.SealAsync(ChainSamples.Chain, null, ChainSamples.History()[0], SealedAt, key);

        Assert.Matches("^[A-Za-z0-9_-]{86}$", block.Signature);
        var publicKey = await key.GetPublicKeyAsync();
        Assert.True(publicKey.VerifyDigest(block.Header.HashBytes(), Base64Url.DecodeFromChars(block.Signature)), "the signature does not verify over the block hash");
    }

    [Fact]
    public async Task SealAsync_NoTransactions_IsRefused()
    {
        using var key = ChainSamples.SigningKey();

        await Assert.ThrowsAsync<ArgumentException>(() => BlockSealer.SealAsync(ChainSamples.Chain, null, [], SealedAt, key));
    }

    [Fact]
    public async Task SealAsync_AnotherChainsTransaction_IsRefused()
    {
        using var key = ChainSamples.SigningKey();
        var stray = new LedgerTransaction("job.raised", "assoc_elsewhere", "evt_9", SealedAt, SealedAt, "association:assoc_elsewhere", "job:job_9", new JsonObject());

        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => BlockSealer.SealAsync(ChainSamples.Chain, null, [ChainSamples.History()[0][0], stray], SealedAt, key));
        Assert.Contains("Transaction 1 (evt_9) belongs to chain 'assoc_elsewhere'", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SealAsync_OneEventTwice_IsRefused()
    {
        using var key = ChainSamples.SigningKey();
        var raised = ChainSamples.History()[0][1];

        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => BlockSealer.SealAsync(ChainSamples.Chain, null, [raised, raised], SealedAt, key));
        Assert.Contains("evt_job_raised", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SealAsync_AnotherChainsHead_IsRefused()
    {
        using var key = ChainSamples.SigningKey();
        var elsewhere = new ChainHead("assoc_elsewhere", 3, new string('c', 64), 9);

        await Assert.ThrowsAsync<ArgumentException>(() => BlockSealer.SealAsync(ChainSamples.Chain, elsewhere, ChainSamples.History()[0], SealedAt, key));
    }

    [Fact]
    public void ChainHead_ToJson_IsTheHeadRouteBody() =>
        Assert.Equal(
            """{"chain":"assoc_riverside","height":2,"blockHash":"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc","txCount":7}""",
            new ChainHead(ChainSamples.Chain, 2, new string('c', 64), 7).ToJson().ToJsonString());
}
