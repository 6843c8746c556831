using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Cli;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using HousingLedger.Witnessing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// <c>hl witness</c> run by one association against the running service, witnessing another's chain: it cosigns the
/// first checkpoint it sees, cosigns later ones only when the service proves they extend it, and refuses, keeping
/// its state file as evidence, when the service shows a different history.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class WitnessCommandTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private const string WitnessName = "witness.riverside.example/hl";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("hl-witness-");

    private string KeyPath => Path.Combine(folder.FullName, "witness.key");

    private string StatePath => Path.Combine(folder.FullName, "meadow.state");

    [Fact]
    public async Task The_witness_cosigns_the_first_checkpoint_then_each_one_the_service_proves_extends_it()
    {
        var (riverside, meadow, contractId) = await TwoAssociationsAsync();
        var witness = await MakeAndRegisterWitnessAsync(riverside);

        var first = await WitnessAsync(meadow, riverside);
        await Api.RaiseJobAsync(meadow, contractId);
        await Api.WaitForChainAsync(meadow, 2);
        var second = await WitnessAsync(meadow, riverside);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var kept = Checkpoint.FromSignedNote(await File.ReadAllTextAsync(StatePath), out _)!;
        Assert.Equal(2, kept.TreeSize);
        var served = SignedNote.Parse(await Api.CheckpointNoteAsync(meadow), out _)!;
        Assert.Equal(2, Checkpoint.FromSignedNote(served.ToNote(), out _)!.TreeSize);
        Assert.IsType<WitnessFinding.Cosigned>(CosignatureCheck.Check(served, witness, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_service_showing_a_history_other_than_the_one_cosigned_is_refused_and_the_state_file_is_kept()
    {
        var (riverside, meadow, _) = await TwoAssociationsAsync();
        await MakeAndRegisterWitnessAsync(riverside);

        // What the witness cosigned before: the chain at the same size with another root, under the service's key.
        var forged = await CheckpointSigner.SignAsync(meadow.AssociationId, 1, new byte[32], Host.Services.GetRequiredService<ISigningKey>());
        await File.WriteAllTextAsync(StatePath, forged);
        var run = await WitnessAsync(meadow, riverside);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("inconsistent with", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(forged, await File.ReadAllTextAsync(StatePath));
        Assert.Single(SignedNote.Parse(await Api.CheckpointNoteAsync(meadow), out _)!.Signatures);
    }

    [Fact]
    public async Task A_witness_the_service_does_not_know_is_told_so_and_keeps_no_state()
    {
        var (riverside, meadow, _) = await TwoAssociationsAsync();
        await HlRun.InProcessAsync("witness-key", WitnessName, "--out", KeyPath);

        var run = await WitnessAsync(meadow, riverside);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("refused the cosignature (400)", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath), "A cosignature the service refused was kept as the witness's state.");
    }

    public override async Task DisposeAsync()
    {
        folder.Delete(recursive: true);
        await base.DisposeAsync();
    }

    private async Task<(Association Riverside, Association Meadow, string ContractId)> TwoAssociationsAsync()
    {
        var riverside = await Api.OnboardAssociationAsync("Riverside Homes");
        var meadow = await Api.OnboardAssociationAsync("Meadow Housing");
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var contractId = await Api.RegisterContractAsync(meadow, supplier.SupplierId);
        await Api.WaitForChainAsync(meadow, 1);
        return (riverside, meadow, contractId);
    }

    /// <summary>Makes the key with <c>hl witness-key</c> and registers the verifier key it prints, as the docs say.</summary>
    private async Task<CosignerKey> MakeAndRegisterWitnessAsync(Association association)
    {
        var made = await HlRun.InProcessAsync("witness-key", WitnessName, "--out", KeyPath);
        Assert.True(made.ExitCode == 0, made.ToString());
        var verifierKey = made.Stdout.Trim();
        await Api.JsonAsync(HttpMethod.Put, "/api/witness", association.ApiKey, new JsonObject { ["verifierKey"] = verifierKey }.ToJsonString(), HttpStatusCode.OK);
        return CosignerKey.Parse(verifierKey, out _)!;
    }

    private async Task<HlRun> WitnessAsync(Association chain, Association witness)
    {
        var apiKeyPath = Path.Combine(folder.FullName, "api.key");
        await File.WriteAllTextAsync(apiKeyPath, witness.ApiKey);
        return await HlRun.InProcessAsync("witness", chain.AssociationId, "--service", Host.BaseAddress.ToString(), "--api-key-file", apiKeyPath, "--key", KeyPath, "--state", StatePath);
    }
}
