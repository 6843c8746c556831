using HousingLedger.Cli.Inputs;
using HousingLedger.Ledger;

namespace HousingLedger.Cli.Commands;

/// <summary>Reads a checkpoint note file, checking its signatures when keys are given (for <c>checkpoint</c> and <c>consistency</c>).</summary>
internal static class CheckpointNotes
{
    /// <summary>
    /// The checkpoint in the note at <paramref name="path"/>. With <paramref name="keys"/>, at least one of them
    /// must have signed it (<see cref="CheckpointVerifier"/>); without, only its shape is read.
    /// <paramref name="name"/> names the note in messages (e.g. "checkpoint", "OLD").
    /// </summary>
    public static async Task<Loaded<Checkpoint>> ReadAsync(string path, string name, Jwks? keys, CancellationToken cancellationToken)
    {
        var note = await InputFile.ReadTextAsync(path, "checkpoint", underAudit: true, cancellationToken);
        if (note.Value is not { } text)
        {
            return note.As<Checkpoint>();
        }

        if (keys is null)
        {
            var unsigned = Checkpoint.FromSignedNote(text, out var reason);
            return unsigned is null ? Loaded<Checkpoint>.Corrupt($"{name} '{path}': {reason}") : Loaded<Checkpoint>.Ok(unsigned);
        }

        var verified = CheckpointVerifier.Verify(text, keys.Keys);
        return verified.Checkpoint is { } checkpoint
            ? Loaded<Checkpoint>.Ok(checkpoint)
            : Loaded<Checkpoint>.Corrupt($"{name} '{path}': {verified.Reason}");
    }

    /// <summary>A checkpoint as an auditor compares it: origin, tree size and root.</summary>
    public static string Describe(Checkpoint checkpoint) =>
        $"{checkpoint.Origin}, tree size {checkpoint.TreeSize}, root {Convert.ToBase64String(checkpoint.RootHash)}";
}
