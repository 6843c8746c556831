using HousingLedger.Ledger;

namespace HousingLedger.Witnessing;

/// <summary>A witness cosigns a checkpoint with its own key, and anyone holding its verifier key can check it.</summary>
public sealed class CosignatureCheckTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Checkpoint = "housingledger/asc_riverside\n42\n" + Convert.ToBase64String(new byte[32]) + "\n";

    private readonly WitnessKey riverside = WitnessKey.Generate("witness.riverside.example/hl");
    private readonly WitnessKey meadow = WitnessKey.Generate("witness.meadow.example/hl");

    [Fact]
    public void A_cosignature_made_with_the_witness_key_verifies_under_its_published_verifier_key()
    {
        var cosigned = Cosigned(Checkpoint, riverside, Now.AddMinutes(-1));

        var finding = CosignatureCheck.Check(cosigned, CosignerKey.Parse(riverside.Public.ToVerifierKey(), out _)!, Now);

        Assert.Equal(new WitnessFinding.Cosigned(riverside.Public, Now.AddMinutes(-1)), finding);
    }

    [Fact]
    public void A_witness_that_did_not_cosign_is_reported_as_such_and_other_lines_are_ignored()
    {
        var cosigned = Cosigned(Checkpoint, riverside, Now);

        Assert.IsType<WitnessFinding.NotCosigned>(CosignatureCheck.Check(cosigned, meadow.Public, Now));
    }

    [Fact]
    public void A_cosignature_moved_onto_another_checkpoint_does_not_verify()
    {
        var line = Cosigned(Checkpoint, riverside, Now).Signatures.Single();
        var other = new SignedNote(Checkpoint.Replace("\n42\n", "\n43\n", StringComparison.Ordinal), [line]);

        var finding = CosignatureCheck.Check(other, riverside.Public, Now);

        Assert.Contains("does not verify", Assert.IsType<WitnessFinding.Invalid>(finding).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cosignature_dated_after_the_checkers_clock_is_refused()
    {
        var cosigned = Cosigned(Checkpoint, riverside, Now + CosignatureCheck.Leeway + TimeSpan.FromSeconds(1));

        var finding = CosignatureCheck.Check(cosigned, riverside.Public, Now);

        Assert.Contains("after the checker's clock", Assert.IsType<WitnessFinding.Invalid>(finding).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_witness_key_written_out_and_read_back_makes_the_same_cosignatures()
    {
        using var again = WitnessKey.Parse(riverside.ToPrivateKeyText(), out var reason);

        Assert.True(again is not null, reason);
        Assert.Equal(riverside.Public, again.Public);
        Assert.Equal(
            Cosigned(Checkpoint, riverside, Now).Signatures.Single(),
            Cosigned(Checkpoint, again, Now).Signatures.Single());
    }

    [Theory]
    [InlineData("PRIVATE+KEY+witness.example/hl+00000000+BA==")]
    [InlineData("witness.example/hl+00000000+BAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    [InlineData("")]
    public void Text_that_is_not_a_witness_key_is_refused(string text) =>
        Assert.Null(WitnessKey.Parse(text, out _));

    public void Dispose()
    {
        riverside.Dispose();
        meadow.Dispose();
    }

    private static SignedNote Cosigned(string checkpointText, WitnessKey witness, DateTimeOffset at)
    {
        var note = new SignedNote(checkpointText, []);
        return note with { Signatures = [witness.Cosign(note, at)] };
    }
}
