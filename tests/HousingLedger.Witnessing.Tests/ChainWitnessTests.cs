using HousingLedger.Ledger;

namespace HousingLedger.Witnessing;

/// <summary>
/// An association's witness cosigns only what extends what it cosigned before, so a service that shows it a second
/// history is caught: with real checkpoints signed by a service key over a real Merkle tree.
/// </summary>
public sealed class ChainWitnessTests : IDisposable
{
    private const string Chain = "asc_meadow";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly EcdsaSigningKey service = EcdsaSigningKey.Create();
    private readonly WitnessKey witness = WitnessKey.Generate("witness.riverside.example/hl");
    private readonly List<byte[]> leaves = [.. Enumerable.Range(0, 13).Select(i => Rfc6962.HashLeaf([(byte)i]))];

    [Fact]
    public async Task A_checkpoint_that_extends_the_last_one_cosigned_is_cosigned_and_the_cosignature_verifies()
    {
        var last = await CheckpointAsync(5);

        var decision = Decide(await NoteAsync(13), last, Rfc6962.ConsistencyProof(leaves, 5, 13));

        var cosigned = Assert.IsType<WitnessDecision.Cosigned>(decision);
        Assert.Equal(13, cosigned.Checkpoint.TreeSize);
        Assert.IsType<WitnessFinding.Cosigned>(CosignatureCheck.Check(cosigned.Note, witness.Public, Now));
        Assert.True(CheckpointVerifier.Verify(cosigned.Note.ToNote(), [await service.GetPublicKeyAsync()]).Valid, "The service's own signature no longer verifies.");
    }

    [Fact]
    public async Task A_second_history_at_a_larger_size_is_refused_as_inconsistent()
    {
        var last = await CheckpointAsync(5);
        leaves[2] = Rfc6962.HashLeaf("a rewritten job.settled"u8);

        var decision = Decide(await NoteAsync(13), last, Rfc6962.ConsistencyProof(leaves, 5, 13));

        Assert.Contains("does not hold", Assert.IsType<WitnessDecision.Inconsistent>(decision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_roots_at_the_same_size_are_refused_as_inconsistent()
    {
        var last = await CheckpointAsync(8);
        leaves[7] = Rfc6962.HashLeaf("another event"u8);

        var decision = Decide(await NoteAsync(8), last, []);

        Assert.Contains("two different roots at size 8", Assert.IsType<WitnessDecision.Inconsistent>(decision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_shown_smaller_than_it_was_cosigned_is_refused_as_inconsistent()
    {
        var last = await CheckpointAsync(13);

        var decision = Decide(await NoteAsync(5), last, []);

        Assert.Contains("the chain shrank", Assert.IsType<WitnessDecision.Inconsistent>(decision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_not_signed_by_the_service_is_refused_without_cosigning()
    {
        using var impostor = EcdsaSigningKey.Create();
        var note = await CheckpointSigner.SignAsync(Chain, 13, Rfc6962.RootHash(leaves), impostor);

        var decision = Decide(note, null, []);

        Assert.Contains("does not verify under the service's keys", Assert.IsType<WitnessDecision.Refused>(decision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_of_another_chain_is_refused()
    {
        var note = await CheckpointSigner.SignAsync("asc_hillside", 13, Rfc6962.RootHash(leaves), service);

        var decision = Decide(note, null, []);

        Assert.Contains("not of the chain witnessed", Assert.IsType<WitnessDecision.Refused>(decision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_checkpoint_seen_of_a_chain_is_cosigned_on_trust() =>
        Assert.IsType<WitnessDecision.Cosigned>(Decide(await NoteAsync(13), null, []));

    public void Dispose()
    {
        service.Dispose();
        witness.Dispose();
    }

    private WitnessDecision Decide(string note, Checkpoint? last, IReadOnlyList<byte[]> proof) =>
        ChainWitness.Decide(Chain, note, [service.GetPublicKeyAsync().Result], last, proof, witness, Now);

    private Task<string> NoteAsync(int size) => CheckpointSigner.SignAsync(Chain, size, Rfc6962.RootHash(leaves[..size]), service);

    private async Task<Checkpoint> CheckpointAsync(int size) =>
        CheckpointVerifier.Verify(await NoteAsync(size), [await service.GetPublicKeyAsync()]).Checkpoint!;
}
