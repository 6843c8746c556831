namespace HousingLedger.Cli;

/// <summary><c>hl verify</c> on the valid export and on each bad one: the first fault, named, and exit 1.</summary>
public sealed class VerifyCommandTests
{
    public static TheoryData<string, string> BadExports() => new()
    {
        { "flipped-byte", "FAILED chain assoc_riverside: block 1: merkleRoot: expected 01dc1b333465488441c59321b4dbb8c74d8f72c54ed547552ae40eeb3e5fb44a (the RFC 6962 root of the block's 3 leaf hashes), found 49dbc5b452e19c40549882f064e2cd9244092de093895ca1f58d308b8874dbb2; 1 block and 2 transactions verified before it" },
        { "removed-transaction", "FAILED chain assoc_riverside: block 1: txCount: expected 2 (the transactions in the block), found 3; 1 block and 2 transactions verified before it" },
        { "reordered-block", "FAILED chain assoc_riverside: block 1: height: expected 1 (one more than block 0), found 2; 1 block and 2 transactions verified before it" },
        { "forged-signature", "FAILED chain assoc_riverside: block 2: signature: expected an ES256 signature by key 'AmoiqDoD6m1uN5epZn_EekNPQ1wNLxEmkqONZsgph4c' over block hash 50dfce6d178cf5cb2ca9ccf1e57156a2dab59126a048cfd7cfc9aae781890e92, found one that does not verify; 2 blocks and 5 transactions verified before it" },
        { "resigned-by-unknown-key", "FAILED chain assoc_riverside: block 2: kid: expected a published signing key, found 'jJEfnRx-cSF2DCtE4SRMlVrolIKpmNqy4XYDa-iUkqY', which is not one; 2 blocks and 5 transactions verified before it" },
        { "truncated", "FAILED chain assoc_riverside: block 2: the export line is not a well-formed block: $ is not JSON: Expected end of string, but instead reached end of data." },
        { "line-not-json", "FAILED chain assoc_riverside: block 1: the export line is not a well-formed block: $ is not JSON: '<' is an invalid start of a value." },
    };

    [Fact]
    public async Task ValidExport_Holds_WithItsSizeAndRootAsACheckpointStatesThem()
    {
        var run = await HlRun.InProcessAsync("verify", HlRun.Input("exports/valid.jsonl"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "OK chain assoc_riverside: 3 blocks and 7 transactions; every signature, hash link, Merkle root and transaction holds. Tree size 7, root XdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n",
            run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Theory]
    [MemberData(nameof(BadExports))]
    public async Task BadExport_Fails_NamingTheFirstBlockAtFaultAndWhatDiffered(string export, string verdictStart)
    {
        var run = await HlRun.InProcessAsync("verify", HlRun.Input($"exports/{export}.jsonl"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(run.Stdout.StartsWith(verdictStart, StringComparison.Ordinal), $"expected stdout to start:\n{verdictStart}\n{run}");
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task ExportOfAnotherChain_FailsWhenTheChainIsNamed()
    {
        var run = await HlRun.InProcessAsync("verify", HlRun.Input("exports/valid.jsonl"), "--jwks", HlRun.Input("jwks.json"), "--chain", "assoc_elsewhere");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("FAILED chain assoc_elsewhere: block 0: header.chain: expected 'assoc_elsewhere', found 'assoc_riverside'", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyExport_HoldsAsAnEmptyChain()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var run = await HlRun.InProcessAsync("verify", empty, "--jwks", HlRun.Input("jwks.json"));

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith("OK chain (empty export): 0 blocks and 0 transactions", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
