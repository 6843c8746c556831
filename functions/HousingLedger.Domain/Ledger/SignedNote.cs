namespace HousingLedger.Ledger;

/// <summary>
/// A C2SP signed note: UTF-8 text, a blank line, and one or more signature lines
/// <c>— {key name} {base64(4-byte key id ‖ signature)}</c>, each ending in a newline. The text is what every signature
/// covers (a checkpoint's signature directly, a witness's cosignature inside its own message). Immutable.
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    private const string SignaturePrefix = "— ";

    /// <summary>Reads a note; null with a reason when it is not one.</summary>
    public static SignedNote? Parse(string note, out string reason) =>
        Split(note, out reason) is { } parts && ReadSignatures(parts.SignatureLines, out reason) is { } signatures
            ? new SignedNote(parts.Text, signatures)
            : null;

    /// <summary>
    /// The note's text (final newline included) and its signature lines (without their final newline), read apart so a
    /// caller can check the text before the signatures; null with a reason when the note has no such shape.
    /// </summary>
    public static (string Text, string SignatureLines)? Split(string note, out string reason)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Any(c => char.IsControl(c) && c != '\n'))
        {
            reason = "note: expected no control characters but newlines, found some";
            return null;
        }

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || split + 2 == note.Length || !note.EndsWith('\n'))
        {
            reason = "note: expected text, a blank line and signature lines each ending in a newline, found no such shape";
            return null;
        }

        reason = string.Empty;
        return (note[..(split + 1)], note[(split + 2)..^1]);
    }

    /// <summary>Reads the signature lines <see cref="Split"/> gave; null with a reason naming the first that is not one.</summary>
    public static IReadOnlyList<NoteSignature>? ReadSignatures(string signatureLines, out string reason)
    {
        ArgumentNullException.ThrowIfNull(signatureLines);
        var signatures = new List<NoteSignature>();
        foreach (var line in signatureLines.Split('\n'))
        {
            if (ReadLine(line) is not { } signature)
            {
                reason = $"signature line: expected '— <key name> <base64 of key id and signature>', found '{line}'";
                return null;
            }

            signatures.Add(signature);
        }

        reason = string.Empty;
        return signatures;
    }

    /// <summary>The note as text, with <paramref name="more"/> signature lines after its own.</summary>
    public string ToNote(IEnumerable<NoteSignature>? more = null) =>
        Text + "\n" + string.Concat(Signatures.Concat(more ?? []).Select(signature => signature.ToLine() + "\n"));

    private static NoteSignature? ReadLine(string line)
    {
        var parts = line.StartsWith(SignaturePrefix, StringComparison.Ordinal) ? line[SignaturePrefix.Length..].Split(' ') : [];
        var bytes = parts.Length == 2 ? Checkpoint.StrictBase64(parts[1]) : null;
        return parts.Length != 2 || parts[0].Length == 0 || parts[0].Contains('+', StringComparison.Ordinal) || bytes is null || bytes.Length <= NoteSignature.KeyIdLength
            ? null
            : new NoteSignature(parts[0], bytes[..NoteSignature.KeyIdLength], bytes[NoteSignature.KeyIdLength..]);
    }
}

/// <summary>One signature line of a <see cref="SignedNote"/>: who signed (name and 4-byte key id) and the signature bytes.</summary>
public sealed record NoteSignature(string KeyName, byte[] KeyId, byte[] Signature)
{
    /// <summary>Length in bytes of a note key id.</summary>
    public const int KeyIdLength = 4;

    /// <summary>The line as a note writes it, without its newline.</summary>
    public string ToLine() => $"— {KeyName} {Convert.ToBase64String([.. KeyId, .. Signature])}";

    public bool Equals(NoteSignature? other) =>
        other is not null && KeyName == other.KeyName && KeyId.AsSpan().SequenceEqual(other.KeyId) && Signature.AsSpan().SequenceEqual(other.Signature);

    public override int GetHashCode() => HashCode.Combine(KeyName, KeyId.Length, Signature.Length);
}
