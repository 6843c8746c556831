using System.Net;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Ledger;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// <c>GET /api/ledger/{chain}/checkpoint</c>: a signed note of the chain's whole Merkle tree that verifies under a
/// published key, signed once per head and served again until the chain grows.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class CheckpointTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    [Fact]
    public async Task A_checkpoint_covers_every_transaction_on_the_chain_and_verifies_under_a_published_key()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        await Api.RaiseJobAsync(association, contractId);
        await Api.WaitForChainAsync(association, 2);

        var checkpoint = await VerifiedAsync(association);

        var tree = new MerkleAccumulator();
        foreach (var leaf in (await ExportAsync(association)).SelectMany(block => block.LeafHashes()))
        {
            tree.Append(leaf);
        }

        Assert.Equal(2, checkpoint.TreeSize);
        Assert.Equal(tree.RootHash(), checkpoint.RootHash);
    }

    [Fact]
    public async Task The_same_head_gets_the_same_signed_note_and_a_grown_chain_a_new_one()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        await Api.WaitForChainAsync(association, 1);

        // ES256 signatures are randomised: signing the same text again would give a different note.
        var first = await NoteAsync(association);
        Assert.Equal(first, await NoteAsync(association));

        await Api.RaiseJobAsync(association, contractId);
        await Api.WaitForChainAsync(association, 2);
        var grown = await NoteAsync(association);

        Assert.NotEqual(first, grown);
        Assert.Equal(2, (await VerifiedAsync(association)).TreeSize);
    }

    private async Task<string> NoteAsync(Association association)
    {
        using var answer = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/checkpoint", association.ApiKey);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    private async Task<Checkpoint> VerifiedAsync(Association association)
    {
        var jwks = Jwks.FromJson(await Api.JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK));
        Assert.True(jwks.IsValid, string.Join("; ", jwks.Errors));
        var verified = CheckpointVerifier.Verify(await NoteAsync(association), jwks.Value.Keys);
        Assert.True(verified.Valid, verified.Reason);
        return verified.Checkpoint!;
    }

    private async Task<List<Block>> ExportAsync(Association association)
    {
        using var export = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/export", association.ApiKey);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(Block.FromExportLine).Select(block => block.IsValid ? block.Value : throw new InvalidDataException(string.Join("; ", block.Errors)))];
    }
}
