using HousingLedger.Ledger;
using HousingLedger.Witnessing;

namespace HousingLedger.Cli;

/// <summary><c>hl checkpoint --witness KEYS</c>: every witness named must have cosigned the checkpoint, with a valid cosignature.</summary>
public sealed class CheckpointWitnessTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("hl-witness-");
    private readonly WitnessKey riverside = WitnessKey.Generate("witness.riverside.example/hl");
    private readonly WitnessKey meadow = WitnessKey.Generate("witness.meadow.example/hl");

    [Fact]
    public async Task A_checkpoint_cosigned_by_every_witness_named_holds_and_says_who_cosigned()
    {
        var run = await CheckAsync(Cosigned(riverside, meadow), riverside, meadow);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("and cosigned by witness.riverside.example/hl, witness.meadow.example/hl\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_that_did_not_cosign_fails_the_check_naming_it()
    {
        var run = await CheckAsync(Cosigned(riverside), riverside, meadow);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("witness witness.meadow.example/hl has not cosigned it", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cosignature_that_does_not_verify_fails_the_check()
    {
        var note = SignedNote.Parse(Cosigned(riverside), out _)!;
        var line = note.Signatures[^1];
        var forged = note with { Signatures = [.. note.Signatures.SkipLast(1), line with { Signature = [.. line.Signature[..^1], (byte)(line.Signature[^1] ^ 1)] }] };

        var run = await CheckAsync(forged.ToNote(), riverside);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("is not valid", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_key_file_that_holds_no_verifier_key_is_a_usage_error()
    {
        var keys = Path.Combine(folder.FullName, "bad.vkeys");
        await File.WriteAllTextAsync(keys, "not a key\n");

        var run = await HlRun.InProcessAsync("checkpoint", HlRun.Input("checkpoints/valid.note"), "--jwks", HlRun.Input("jwks.json"), "--witness", keys);

        Assert.True(run.ExitCode == 2, run.ToString());
    }

    public void Dispose()
    {
        riverside.Dispose();
        meadow.Dispose();
        folder.Delete(recursive: true);
    }

    private static string Cosigned(params WitnessKey[] witnesses)
    {
        var note = SignedNote.Parse(File.ReadAllText(HlRun.Input("checkpoints/valid.note")), out _)!;
        return note.ToNote(witnesses.Select(w => w.Cosign(note, DateTimeOffset.UtcNow)));
    }

    private async Task<HlRun> CheckAsync(string note, params WitnessKey[] trusted)
    {
        var notePath = Path.Combine(folder.FullName, "cosigned.note");
        var keysPath = Path.Combine(folder.FullName, "witnesses.vkeys");
        await File.WriteAllTextAsync(notePath, note);
        await File.WriteAllLinesAsync(keysPath, trusted.Select(w => w.Public.ToVerifierKey()));
        return await HlRun.InProcessAsync("checkpoint", notePath, "--jwks", HlRun.Input("jwks.json"), "--witness", keysPath);
    }
}
