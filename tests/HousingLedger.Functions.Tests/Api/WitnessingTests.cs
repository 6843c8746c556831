using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using HousingLedger.Witnessing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// One association witnesses another's chain with its own key: it registers the witness, cosigns a checkpoint the
/// service signed, and the service keeps the cosignature and serves it with that checkpoint. Anything else is refused
/// and nothing is kept.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class WitnessingTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly WitnessKey riversideWitness = WitnessKey.Generate("witness.riverside.example/hl");

    [Fact]
    public async Task A_registered_witness_cosigns_another_chains_checkpoint_and_the_checkpoint_is_then_served_with_it()
    {
        var (riverside, meadow) = await TwoAssociationsAsync();
        await RegisterAsync(riverside, riversideWitness.Public.ToVerifierKey(), HttpStatusCode.OK);
        var served = await CheckpointAsync(meadow, readBy: riverside);

        var decision = ChainWitness.Decide(meadow.AssociationId, served, await ServiceKeysAsync(), null, [], riversideWitness, Now);
        var cosigned = Assert.IsType<WitnessDecision.Cosigned>(decision);
        var kept = await PostAsync(meadow, riverside, cosigned.Note.ToNote(), HttpStatusCode.Created);

        Assert.Equal(["witness.riverside.example/hl"], kept["witnesses"]!.AsArray().Select(w => (string)w!));
        var again = SignedNote.Parse(await CheckpointAsync(meadow, readBy: meadow), out _)!;
        Assert.IsType<WitnessFinding.Cosigned>(CosignatureCheck.Check(again, riversideWitness.Public, Now));
        Assert.True(CheckpointVerifier.Verify(again.ToNote(), await ServiceKeysAsync()).Valid, "The served checkpoint no longer verifies under the service's keys.");
    }

    [Fact]
    public async Task A_cosignature_by_a_witness_nobody_registered_is_refused_naming_the_note_and_nothing_is_kept()
    {
        var (riverside, meadow) = await TwoAssociationsAsync();
        var served = await CheckpointAsync(meadow, readBy: riverside);
        var cosigned = (WitnessDecision.Cosigned)ChainWitness.Decide(meadow.AssociationId, served, await ServiceKeysAsync(), null, [], riversideWitness, Now);

        var problem = await PostAsync(meadow, riverside, cosigned.Note.ToNote(), HttpStatusCode.BadRequest);

        Assert.Contains("no registered witness", (string)problem["errors"]!["note"]![0]!, StringComparison.Ordinal);
        Assert.Equal(served, await CheckpointAsync(meadow, readBy: meadow));
    }

    [Fact]
    public async Task A_cosignature_that_does_not_verify_is_refused_and_nothing_is_kept()
    {
        var (riverside, meadow) = await TwoAssociationsAsync();
        await RegisterAsync(riverside, riversideWitness.Public.ToVerifierKey(), HttpStatusCode.OK);
        var served = await CheckpointAsync(meadow, readBy: riverside);
        var cosigned = (WitnessDecision.Cosigned)ChainWitness.Decide(meadow.AssociationId, served, await ServiceKeysAsync(), null, [], riversideWitness, Now);
        var line = cosigned.Note.Signatures[^1];
        var forged = cosigned.Note with { Signatures = [.. cosigned.Note.Signatures.SkipLast(1), line with { Signature = [.. line.Signature[..^1], (byte)(line.Signature[^1] ^ 1)] }] };

        var problem = await PostAsync(meadow, riverside, forged.ToNote(), HttpStatusCode.BadRequest);

        Assert.Contains("does not verify", (string)problem["errors"]!["note"]![0]!, StringComparison.Ordinal);
        Assert.Equal(served, await CheckpointAsync(meadow, readBy: meadow));
    }

    [Theory]
    [InlineData("not a note at all")]
    [InlineData("housingledger/asc_x\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— housingledger/asc_x AAAAAAAA\n")]
    public async Task A_note_the_service_did_not_sign_is_refused(string note)
    {
        var (riverside, meadow) = await TwoAssociationsAsync();

        var problem = await PostAsync(meadow, riverside, note, HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]?["note"]);
    }

    [Fact]
    public async Task A_witness_key_is_registered_once_by_one_association_and_a_malformed_one_is_refused()
    {
        var (riverside, meadow) = await TwoAssociationsAsync();

        var first = await RegisterAsync(riverside, riversideWitness.Public.ToVerifierKey(), HttpStatusCode.OK);
        var again = await RegisterAsync(riverside, riversideWitness.Public.ToVerifierKey(), HttpStatusCode.OK);
        await RegisterAsync(meadow, riversideWitness.Public.ToVerifierKey(), HttpStatusCode.Conflict);
        var malformed = await RegisterAsync(meadow, "witness.meadow.example+00000000+AAAA", HttpStatusCode.BadRequest);

        Assert.Equal((string?)first["eventId"], (string?)again["eventId"]);
        Assert.NotNull(malformed["errors"]?["verifierKey"]);
    }

    public override async Task DisposeAsync()
    {
        riversideWitness.Dispose();
        await base.DisposeAsync();
    }

    private async Task<(Association Riverside, Association Meadow)> TwoAssociationsAsync()
    {
        var riverside = await Api.OnboardAssociationAsync("Riverside Homes");
        var meadow = await Api.OnboardAssociationAsync("Meadow Housing");
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        await Api.RegisterContractAsync(meadow, supplier.SupplierId);
        await Api.WaitForChainAsync(meadow, 1);
        return (riverside, meadow);
    }

    private Task<JsonObject> RegisterAsync(Association association, string verifierKey, HttpStatusCode expect) =>
        Api.JsonAsync(HttpMethod.Put, "/api/witness", association.ApiKey, new JsonObject { ["verifierKey"] = verifierKey }.ToJsonString(), expect);

    private Task<JsonObject> PostAsync(Association chain, Association witness, string note, HttpStatusCode expect) =>
        Api.JsonAsync(HttpMethod.Post, $"/api/ledger/{chain.AssociationId}/cosignatures", witness.ApiKey, new JsonObject { ["note"] = note }.ToJsonString(), expect);

    private async Task<string> CheckpointAsync(Association chain, Association readBy)
    {
        using var answer = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{chain.AssociationId}/checkpoint", readBy.ApiKey);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    private async Task<IReadOnlyList<PublicSigningKey>> ServiceKeysAsync()
    {
        var jwks = await Api.JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK);
        return Jwks.FromJson(jwks).Value.Keys;
    }
}
