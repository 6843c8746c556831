using System.Globalization;

namespace HousingLedger.Ledger;

/// <summary>
/// A chain's tree head as a C2SP tlog-checkpoint body: origin <c>housingledger/{chain}</c>, tree size = every
/// transaction in the chain, and the RFC 6962 root over all the chain's leaf hashes in order, written as
/// <c>{origin}\n{size}\n{base64 root}\n</c> with no extension lines. Immutable and thread-safe; signed and
/// checked as a C2SP signed note by <see cref="CheckpointSigner"/> and <see cref="CheckpointVerifier"/>.
/// </summary>
public sealed record Checkpoint
{
    /// <summary>What every HousingLedger origin starts with; the chain's name follows.</summary>
    public const string OriginPrefix = "housingledger/";

    private readonly byte[] rootHash;

    /// <exception cref="ArgumentException">The origin is not <c>housingledger/</c> and a chain, the size is negative or the root is not 32 bytes.</exception>
    public Checkpoint(string origin, long treeSize, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (ChainOf(origin) is null)
        {
            throw new ArgumentException($"'{origin}' is not a HousingLedger origin: {OriginPrefix} and a chain name.", nameof(origin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (rootHash.Length != Rfc6962.HashSize)
        {
            throw new ArgumentException($"A root hash is {Rfc6962.HashSize} bytes; got {rootHash.Length}.", nameof(rootHash));
        }

        Origin = origin;
        TreeSize = treeSize;
        this.rootHash = rootHash.ToArray();
    }

    /// <summary>The log's identity, <c>housingledger/{chain}</c>; also the key name of its signature line.</summary>
    public string Origin { get; }

    /// <summary>The chain the checkpoint is for.</summary>
    public string Chain => ChainOf(Origin)!;

    /// <summary>The number of leaves: every transaction in the chain.</summary>
    public long TreeSize { get; }

    /// <summary>A copy of the RFC 6962 Merkle tree hash over the chain's first <see cref="TreeSize"/> leaf hashes.</summary>
    public byte[] RootHash => (byte[])rootHash.Clone();

    /// <summary>The checkpoint of <paramref name="chain"/>.</summary>
    public static Checkpoint ForChain(string chain, long treeSize, ReadOnlySpan<byte> rootHash) =>
        new(OriginOf(chain), treeSize, rootHash);

    /// <summary>The origin of <paramref name="chain"/>'s checkpoints: <c>housingledger/{chain}</c>.</summary>
    /// <exception cref="ArgumentException">The chain is not an id.</exception>
    public static string OriginOf(string chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return Values.Identifier.IsValid(chain)
            ? OriginPrefix + chain
            : throw new ArgumentException($"'{chain}' is not a chain name: a chain is named by an id, {Values.Identifier.Rule}.", nameof(chain));
    }

    /// <summary>The note text: <c>{origin}\n{size}\n{base64 root}\n</c>.</summary>
    public string ToNoteText() =>
        $"{Origin}\n{TreeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(rootHash)}\n";

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && TreeSize == other.TreeSize && rootHash.AsSpan().SequenceEqual(other.rootHash);

    public override int GetHashCode() => HashCode.Combine(Origin, TreeSize);

    /// <summary>
    /// The checkpoint a signed note carries, read <em>without</em> checking any signature (use
    /// <see cref="CheckpointVerifier"/> for that): for comparing notes when their keys are not at hand. Null, with
    /// what was expected and what was found, when the note is not text, a blank line and signature lines, or its
    /// text is not a checkpoint.
    /// </summary>
    public static Checkpoint? FromSignedNote(string note, out string reason) =>
        SignedNote.Split(note, out reason) is { } parts ? FromNoteText(parts.Text, out reason) : null;

    /// <summary>Reads a note text written by <see cref="ToNoteText"/>; null with a reason when it is not one.</summary>
    internal static Checkpoint? FromNoteText(string text, out string reason)
    {
        var lines = text.Split('\n');
        if (lines.Length != 4 || lines[3].Length != 0)
        {
            reason = $"note text: expected exactly three lines (origin, tree size, root hash), found {lines.Length - 1}";
            return null;
        }

        var (origin, size, root) = (lines[0], lines[1], lines[2]);
        if (ChainOf(origin) is null)
        {
            reason = $"origin: expected {OriginPrefix} and a chain name, found '{origin}'";
            return null;
        }

        if (!IsTreeSize(size, out var treeSize))
        {
            reason = $"tree size: expected a decimal number without leading zeros, found '{size}'";
            return null;
        }

        if (StrictBase64(root) is not { Length: Rfc6962.HashSize } rootHash)
        {
            reason = $"root hash: expected {Rfc6962.HashSize} bytes in standard base64, found '{root}'";
            return null;
        }

        reason = string.Empty;
        return new Checkpoint(origin, treeSize, rootHash);
    }

    /// <summary>The bytes of <paramref name="text"/>, or null unless it is their one standard base64 form (RFC 4648 §4).</summary>
    internal static byte[]? StrictBase64(string text)
    {
        var bytes = new byte[text.Length];
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
            && Convert.TryFromBase64String(text, bytes, out var written)
            && Convert.ToBase64String(bytes, 0, written) == text
                ? bytes[..written]
                : null;
    }

    private static string? ChainOf(string origin) =>
        origin.StartsWith(OriginPrefix, StringComparison.Ordinal) && Values.Identifier.IsValid(origin[OriginPrefix.Length..])
            ? origin[OriginPrefix.Length..]
            : null;

    private static bool IsTreeSize(string text, out long size)
    {
        size = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }
}
