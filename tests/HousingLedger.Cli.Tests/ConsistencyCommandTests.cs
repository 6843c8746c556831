namespace HousingLedger.Cli;

public sealed class ConsistencyCommandTests
{
    [Theory]
    [InlineData(false, "signatures not checked (no --jwks)")]
    [InlineData(true, "both signed by a published key")]
    public async Task ProofThatTheNewTreeExtendsTheOld_Holds(bool withKeys, string signatures)
    {
        string[] keys = withKeys ? ["--jwks", HlRun.Input("jwks.json")] : [];
        var run = await HlRun.InProcessAsync(["consistency", .. Notes("first-block", "valid"), HlRun.Input("consistency/2-to-7.json"), .. keys]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"OK housingledger/assoc_riverside: the tree of size 7 extends the tree of size 2; {signatures}\n", run.Stdout);
    }

    [Theory]
    [InlineData("first-block", "valid", "2-to-7-wrong-hash", "proof: the hashes do not lead from OLD's root to NEW's; NEW's tree does not extend OLD's (computed second root ")]
    [InlineData("first-block", "valid", "3-to-7", "proof sizes: expected from 2 to 7 (OLD's and NEW's tree sizes), found from 3 to 7")]
    [InlineData("first-block", "other-chain", "2-to-7", "origin: expected NEW to be the same chain as OLD (housingledger/assoc_riverside), found housingledger/assoc_elsewhere")]
    public async Task ProofOrCheckpointsThatDoNotAgree_Fail_SayingWhatDiffered(string old, string @new, string proof, string reasonStart)
    {
        var run = await HlRun.InProcessAsync(["consistency", .. Notes(old, @new), HlRun.Input($"consistency/{proof}.json")]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"FAILED housingledger/assoc_riverside: {reasonStart}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointNotSignedByAPublishedKey_FailsWhenKeysAreGiven()
    {
        var run = await HlRun.InProcessAsync(["consistency", .. Notes("first-block", "other-chain"), HlRun.Input("consistency/2-to-7.json"), "--jwks", HlRun.Input("jwks.json")]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("FAILED NEW '", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("signature: expected one by a trusted key named housingledger/assoc_elsewhere, found none\n", run.Stdout, StringComparison.Ordinal);
    }

    private static string[] Notes(string old, string @new) => [HlRun.Input($"checkpoints/{old}.note"), HlRun.Input($"checkpoints/{@new}.note")];
}
