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

        var checkpoint = await Api.VerifiedCheckpointAsync(association);

        var tree = new MerkleAccumulator();
        foreach (var leaf in (await Api.ExportAsync(association)).SelectMany(block => block.LeafHashes()))
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
        var first = await Api.CheckpointNoteAsync(association);
        Assert.Equal(first, await Api.CheckpointNoteAsync(association));

        await Api.RaiseJobAsync(association, contractId);
        await Api.WaitForChainAsync(association, 2);
        var grown = await Api.CheckpointNoteAsync(association);

        Assert.NotEqual(first, grown);
        Assert.Equal(2, (await Api.VerifiedCheckpointAsync(association)).TreeSize);
    }
}
