namespace HousingLedger.Cli;

public sealed class ReceiptCommandTests
{
    [Fact]
    public async Task ValidReceipt_Holds_NamingTheEventBlockAndKey()
    {
        var run = await HlRun.InProcessAsync("receipt", HlRun.Input("receipts/valid.json"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "OK receipt for event msg_complete_flat12 (chain assoc_riverside, block 1, leaf 1): the transaction is in the block, whose hash 7417d1abd0794652180d3a9836617870fc79a30164941676e75f1b93e65a1d38 is signed by key 'AmoiqDoD6m1uN5epZn_EekNPQ1wNLxEmkqONZsgph4c'\n",
            run.Stdout);
    }

    [Fact]
    public async Task ReceiptWithAWrongProof_Fails_SayingTheProofMissesTheMerkleRoot()
    {
        var run = await HlRun.InProcessAsync("receipt", HlRun.Input("receipts/wrong-proof.json"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith(
            "FAILED receipt for event msg_complete_flat12 (chain assoc_riverside, block 1, leaf 1): inclusion proof: the leaf hash and proof do not lead to header.merkleRoot 49dbc5b452e19c40549882f064e2cd9244092de093895ca1f58d308b8874dbb2",
            run.Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileThatIsNotAReceipt_FailsAsCorrupt()
    {
        var run = await HlRun.InProcessAsync("receipt", HlRun.Input("exports/valid.jsonl"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("valid.jsonl' is not JSON: ", run.Stdout, StringComparison.Ordinal);
    }
}
