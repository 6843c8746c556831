namespace HousingLedger.Cli;

public sealed class CheckpointCommandTests
{
    [Fact]
    public async Task CheckpointOfTheExport_Holds()
    {
        var run = await HlRun.InProcessAsync(
            "checkpoint", HlRun.Input("checkpoints/valid.note"), "--jwks", HlRun.Input("jwks.json"), "--export", HlRun.Input("exports/valid.jsonl"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "OK checkpoint housingledger/assoc_riverside, tree size 7, root XdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=: signed by a published key, and the export verifies to the same tree size and root\n",
            run.Stdout);
    }

    [Fact]
    public async Task CheckpointAlone_Holds_WhenSignedByAPublishedKey()
    {
        var run = await HlRun.InProcessAsync("checkpoint", HlRun.Input("checkpoints/first-block.note"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("OK checkpoint housingledger/assoc_riverside, tree size 2, root exDNHhMTZQfRQ+fGjcqSBvBcgdPaO1VMMDIwHU22/48=", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointThatDoesNotMatchItsExport_Fails_WithBothSizesAndRoots()
    {
        var run = await HlRun.InProcessAsync(
            "checkpoint", HlRun.Input("checkpoints/first-block.note"), "--jwks", HlRun.Input("jwks.json"), "--export", HlRun.Input("exports/valid.jsonl"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            "FAILED checkpoint does not match the export: expected the export to have the checkpoint's tree size 2 and root exDNHhMTZQfRQ+fGjcqSBvBcgdPaO1VMMDIwHU22/48=, found tree size 7 and root XdQFzmDbkxMeG2XB3pTKXKU6zC+G+hC32Pz8Vjq09Fc=\n",
            run.Stdout);
    }

    [Fact]
    public async Task CheckpointWithABadExport_Fails_NamingTheExportsFault()
    {
        var run = await HlRun.InProcessAsync(
            "checkpoint", HlRun.Input("checkpoints/valid.note"), "--jwks", HlRun.Input("jwks.json"), "--export", HlRun.Input("exports/forged-signature.jsonl"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("does not verify, so it cannot match the checkpoint: chain assoc_riverside: block 2: signature: ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointNotSignedByAPublishedKeyOfItsOrigin_Fails()
    {
        var run = await HlRun.InProcessAsync("checkpoint", HlRun.Input("checkpoints/other-chain.note"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.EndsWith("other-chain.note': signature: expected one by a trusted key named housingledger/assoc_elsewhere, found none\n", run.Stdout, StringComparison.Ordinal);
    }
}
