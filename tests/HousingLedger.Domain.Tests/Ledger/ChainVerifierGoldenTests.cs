using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>Each golden chain export, read line by line as the offline verifier reads it, fails where and why it should.</summary>
public sealed class ChainVerifierGoldenTests
{
    public static TheoryData<string, long, int?, string> Mutations() => new()
    {
        { "tampered-tx-data", 1, null, "merkleRoot: expected " },
        { "reordered-blocks", 1, null, "height: expected 1 (one more than block 0), found 2" },
        { "wrong-previous-hash", 2, null, "previousHash: expected " },
        { "bad-signature", 1, null, "signature: expected an ES256 signature by key " },
        { "unknown-kid", 2, null, "kid: expected a published signing key, found " },
        { "duplicate-event-id", 2, 1, "eventId: expected an id new to the chain, found 'evt_job_raised', already at block 0, transaction 1" },
        { "wrong-txcount", 2, null, "txCount: expected 2 (the transactions in the block), found 3" },
        { "wrong-merkle-root", 2, null, "merkleRoot: expected " },
    };

    [Fact]
    public void ValidChain_VerifiesEveryBlockAndTransaction()
    {
        var result = VerifyExport("valid");

        Assert.True(result.Valid, $"the valid chain failed: {result.Failure}");
        Assert.Equal((3L, 7L), (result.Blocks, result.Transactions));
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void MutatedChain_FailsAtTheMutatedBlockNamingWhatDiffered(string mutation, long height, int? transactionIndex, string reasonStart)
    {
        var result = VerifyExport(mutation);

        Assert.False(result.Valid, $"{mutation} verified");
        Assert.Equal((height, transactionIndex), (result.Failure!.Height, result.Failure.TransactionIndex));
        Assert.StartsWith(reasonStart, result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal((height, result.Transactions), (result.Blocks, ChainSamples.History().Take((int)height).Sum(b => (long)b.Count)));
    }

    [Fact]
    public void EveryGoldenChain_GetsTheVerifyAnswerRecordedBesideIt()
    {
        foreach (var name in Directory.EnumerateFiles(LedgerTestData.PathOf("chains"), "*.jsonl").Select(Path.GetFileNameWithoutExtension))
        {
            var recorded = JsonNode.Parse(File.ReadAllText(LedgerTestData.PathOf("chains", name + ".verify.json")));
            var answer = VerifyExport(name!).ToJson();
            Assert.True(JsonNode.DeepEquals(recorded, answer), $"{name}: recorded {recorded?.ToJsonString()}, verifier answers {answer.ToJsonString()}");
        }
    }

    [Fact]
    public void Verifier_GivenTheValidChain_HasTheCheckpointRootOfAllItsLeaves()
    {
        var verifier = new ChainVerifier(ChainSamples.Chain, ChainSamples.PublishedKeys().Find);
        var blocks = File.ReadAllLines(LedgerTestData.PathOf("chains", "valid.jsonl")).Select(line => Block.FromExportLine(line).Value).ToList();
        blocks.ForEach(b => verifier.Add(b));

        var allLeaves = blocks.SelectMany(b => b.LeafHashes()).ToList();
        Assert.Equal(allLeaves.Count, verifier.TreeSize);
        Assert.Equal(Convert.ToHexString(Rfc6962.RootHash(allLeaves)), Convert.ToHexString(verifier.RootHash()));
    }

    private static ChainVerification VerifyExport(string name)
    {
        var verifier = new ChainVerifier(ChainSamples.Chain, ChainSamples.PublishedKeys().Find);
        foreach (var line in File.ReadLines(LedgerTestData.PathOf("chains", name + ".jsonl")))
        {
            verifier.AddExportLine(line);
        }

        return verifier.Result;
    }
}
