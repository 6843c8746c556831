using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

public sealed class ChainVerifierTests
{
    [Fact]
    public void NoBlocks_IsAValidEmptyChain()
    {
        var result = new ChainVerifier(ChainSamples.Chain, ChainSamples.PublishedKeys().Find).Result;

        Assert.Equal("""{"valid":true,"blocks":0,"transactions":0}""", result.ToJson().ToJsonString());
    }

    [Fact]
    public async Task FirstBlockNotOnZeros_FailsAtHeightZero()
    {
        using var key = ChainSamples.SigningKey();
        var valid = await ChainSamples.SealAsync(key);
        var header = valid[0].Header;
        var orphan = await ChainSamples.SignAsync(
            new BlockHeader(header.Chain, 0, new string('1', 64), header.MerkleRoot, header.TxCount, header.SealedAt, header.Kid), valid[0].Transactions, key);

        var failure = ChainSamples.Verify([orphan], ChainSamples.PublishedKeys()).Failure;

        Assert.Equal(new ChainVerificationFailure(0, null, $"previousHash: expected {BlockHeader.GenesisPreviousHash} (64 zeros at height 0), found {new string('1', 64)}"), failure);
    }

    [Fact]
    public async Task AnotherChainsBlocks_FailOnHeaderChain()
    {
        using var key = ChainSamples.SigningKey();
        var blocks = await ChainSamples.SealAsync(key);

        var verifier = new ChainVerifier("assoc_elsewhere", ChainSamples.PublishedKeys().Find);
        verifier.Add(blocks[0]);

        Assert.Equal("header.chain: expected 'assoc_elsewhere', found 'assoc_riverside'", verifier.Result.Failure!.Reason);
    }

    [Fact]
    public async Task VerifierOfNoNamedChain_TakesTheFirstBlocksChain_AndHoldsEveryLaterBlockToIt()
    {
        using var key = ChainSamples.SigningKey();
        var riverside = await ChainSamples.SealAsync(key);
        var stray = await BlockSealer.SealAsync("assoc_elsewhere", ChainHead.After(null, riverside[0]) with { Chain = "assoc_elsewhere" }, [new LedgerTransaction("job.raised", "assoc_elsewhere", "evt_9", ChainSamples.Monday, ChainSamples.Monday, "association:assoc_elsewhere", "job:job_9", new JsonObject())], ChainSamples.Monday, key);

        var verifier = new ChainVerifier(ChainSamples.PublishedKeys().Find);
        verifier.Add(riverside[0]);
        verifier.Add(stray);

        Assert.Equal(ChainSamples.Chain, verifier.Chain);
        Assert.Equal(new ChainVerificationFailure(1, null, "header.chain: expected 'assoc_riverside', found 'assoc_elsewhere'"), verifier.Result.Failure);
    }

    [Fact]
    public async Task ATransactionOfAnotherChain_FailsNamingItsIndex()
    {
        using var key = ChainSamples.SigningKey();
        var valid = await ChainSamples.SealAsync(key);
        var stray = new LedgerTransaction("job.raised", "assoc_elsewhere", "evt_9", ChainSamples.Monday, ChainSamples.Monday, "association:assoc_elsewhere", "job:job_9", new JsonObject());
        var transactions = valid[0].Transactions.Append(stray).ToList();
        var header = valid[0].Header;
        var mixed = await ChainSamples.SignAsync(
            new BlockHeader(header.Chain, 0, header.PreviousHash, Convert.ToHexStringLower(Rfc6962.RootHash([.. transactions.Select(t => t.LeafHash())])), 3, header.SealedAt, header.Kid),
            transactions,
            key);

        var failure = ChainSamples.Verify([mixed], ChainSamples.PublishedKeys()).Failure;

        Assert.Equal(new ChainVerificationFailure(0, 2, "chain: expected 'assoc_riverside', found 'assoc_elsewhere'"), failure);
    }

    [Fact]
    public async Task AfterAFailure_LaterBlocksAreIgnoredAndTheFirstFailureStands()
    {
        using var key = ChainSamples.SigningKey();
        var valid = await ChainSamples.SealAsync(key);
        var verifier = new ChainVerifier(ChainSamples.Chain, ChainSamples.PublishedKeys().Find);

        Assert.True(verifier.Add(valid[0]), "block 0 did not verify");
        Assert.False(verifier.Add(valid[2]), "a gap in heights verified");
        Assert.False(verifier.Add(valid[1]), "a block after the failure was taken");

        Assert.Equal((1L, 2L, 1L), (verifier.Result.Blocks, verifier.Result.Transactions, verifier.Result.Failure!.Height));
        Assert.Equal(2, verifier.TreeSize);
    }

    [Fact]
    public async Task ExportLineWithABadTransaction_FailsAtItsHeightAndIndex()
    {
        using var key = ChainSamples.SigningKey();
        var valid = await ChainSamples.SealAsync(key);
        var json = valid[1].ToJson();
        json["transactions"]![1]!["data"]!["weightKg"] = 31.5;
        var verifier = new ChainVerifier(ChainSamples.Chain, ChainSamples.PublishedKeys().Find);

        verifier.AddExportLine(valid[0].ToExportLine());
        verifier.AddExportLine(json.ToJsonString());

        var failure = verifier.Result.Failure!;
        Assert.Equal((1L, (int?)1), (failure.Height, failure.TransactionIndex));
        Assert.StartsWith("the export line is not a well-formed block: transactions[1].data.weightKg must be a whole number", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_ToJson_IsTheVerifyRouteBodyWithTheTransactionIndexWhenOneIsToBlame()
    {
        var result = new ChainVerification(2, 5, new ChainVerificationFailure(2, 1, "eventId: …"));

        Assert.Equal(
            """{"valid":false,"blocks":2,"transactions":5,"failure":{"height":2,"transactionIndex":1,"reason":"eventId: …"}}""",
            result.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task KeyRotation_BlocksSignedByAnOldPublishedKeyStillVerify()
    {
        using var oldKey = ChainSamples.SigningKey();
        using var newKey = ChainSamples.OtherKey();
        var first = await BlockSealer.SealAsync(ChainSamples.Chain, null, ChainSamples.History()[0], ChainSamples.Monday, oldKey);
        var second = await BlockSealer.SealAsync(ChainSamples.Chain, ChainHead.After(null, first), ChainSamples.History()[1], ChainSamples.Monday, newKey);
        var published = new Jwks([await oldKey.GetPublicKeyAsync(), await newKey.GetPublicKeyAsync()]);

        Assert.True(ChainSamples.Verify([first, second], published).Valid, "a chain signed across a key rotation did not verify");
    }
}
