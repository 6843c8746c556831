namespace HousingLedger.Ledger;

/// <summary>
/// Builds the RFC 6962 Merkle Tree Hash of a sequence of leaf hashes as they stream past, keeping only the roots
/// of the perfect subtrees that make up the tree so far (a compact range): one per set bit of
/// <see cref="Size"/>, so O(log n) memory for a whole chain. Not thread-safe.
/// </summary>
public sealed class MerkleAccumulator
{
    // A long size has at most 63 set bits; one more slot holds the node being carried up.
    private const int Slots = 64;

    // Roots of perfect subtrees, largest (leftmost) first, Rfc6962.HashSize bytes each, laid end to end so that
    // appending a leaf allocates nothing: their sizes are the set bits of Size, high to low.
    private readonly byte[] peaks = new byte[Slots * Rfc6962.HashSize];
    private int peakCount;

    /// <summary>The number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// The compact range: the roots of the perfect subtrees the tree is made of, largest (leftmost) first, one per
    /// set bit of <see cref="Size"/>. With the size, enough to go on appending (<see cref="Resume"/>) without the leaves.
    /// </summary>
    public IReadOnlyList<byte[]> Peaks => [.. Enumerable.Range(0, peakCount).Select(i => Peak(i).ToArray())];

    /// <summary>An accumulator that goes on from a tree of <paramref name="size"/> leaves whose <see cref="Peaks"/> were <paramref name="peaks"/>.</summary>
    /// <exception cref="ArgumentException">There is not one peak of <see cref="Rfc6962.HashSize"/> bytes per set bit of the size.</exception>
    public static MerkleAccumulator Resume(long size, IReadOnlyList<byte[]> peaks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Rfc6962.RequirePeaks(size, peaks);

        var resumed = new MerkleAccumulator { Size = size, peakCount = peaks.Count };
        for (var i = 0; i < peaks.Count; i++)
        {
            peaks[i].CopyTo(resumed.Peak(i));
        }

        return resumed;
    }

    /// <summary>Adds the next leaf hash to the right of the tree.</summary>
    /// <exception cref="ArgumentException">The hash is not <see cref="Rfc6962.HashSize"/> bytes long.</exception>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != Rfc6962.HashSize)
        {
            throw new ArgumentException($"A leaf hash has {Rfc6962.HashSize} bytes, not {leafHash.Length}.", nameof(leafHash));
        }

        // The leaf goes in the next free slot. Each trailing set bit of the old size is a perfect subtree the same
        // size as the one being carried up: the two are hashed into the left one's slot, which carries on.
        leafHash.CopyTo(Peak(peakCount));
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            peakCount--;
            Rfc6962.HashChildren(Peak(peakCount), Peak(peakCount + 1), Peak(peakCount));
        }

        peakCount++;
        Size++;
    }

    /// <summary>The Merkle Tree Hash of the leaves appended so far: the peaks folded together from the right.</summary>
    public byte[] RootHash()
    {
        if (peakCount == 0)
        {
            return Rfc6962.EmptyRoot;
        }

        var root = Peak(peakCount - 1).ToArray();
        for (var i = peakCount - 2; i >= 0; i--)
        {
            Rfc6962.HashChildren(Peak(i), root, root);
        }

        return root;
    }

    private Span<byte> Peak(int index) => peaks.AsSpan(index * Rfc6962.HashSize, Rfc6962.HashSize);
}
