namespace HousingLedger.Ledger;

/// <summary>
/// Builds the RFC 6962 Merkle Tree Hash of a sequence of leaf hashes as they stream past, keeping only the roots
/// of the perfect subtrees that make up the tree so far (a compact range): one per set bit of
/// <see cref="Size"/>, so O(log n) memory for a whole chain. Not thread-safe.
/// </summary>
public sealed class MerkleAccumulator
{
    // Roots of perfect subtrees, largest (leftmost) first; their sizes are the set bits of Size, high to low.
    private readonly List<byte[]> peaks = [];

    /// <summary>The number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// The compact range: the roots of the perfect subtrees the tree is made of, largest (leftmost) first, one per
    /// set bit of <see cref="Size"/>. With the size, enough to go on appending (<see cref="Resume"/>) without the leaves.
    /// </summary>
    public IReadOnlyList<byte[]> Peaks => [.. peaks.Select(peak => (byte[])peak.Clone())];

    /// <summary>An accumulator that goes on from a tree of <paramref name="size"/> leaves whose <see cref="Peaks"/> were <paramref name="peaks"/>.</summary>
    /// <exception cref="ArgumentException">There is not one peak of <see cref="Rfc6962.HashSize"/> bytes per set bit of the size.</exception>
    public static MerkleAccumulator Resume(long size, IReadOnlyList<byte[]> peaks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Rfc6962.RequirePeaks(size, peaks);

        var resumed = new MerkleAccumulator { Size = size };
        resumed.peaks.AddRange(peaks.Select(peak => (byte[])peak.Clone()));
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

        // Each trailing set bit of the old size is a perfect subtree the same size as the one being carried up.
        var node = leafHash.ToArray();
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            node = Rfc6962.HashChildren(peaks[^1], node);
            peaks.RemoveAt(peaks.Count - 1);
        }

        peaks.Add(node);
        Size++;
    }

    /// <summary>The Merkle Tree Hash of the leaves appended so far: the peaks folded together from the right.</summary>
    public byte[] RootHash()
    {
        if (peaks.Count == 0)
        {
            return Rfc6962.EmptyRoot;
        }

        var root = (byte[])peaks[^1].Clone();
        for (var i = peaks.Count - 2; i >= 0; i--)
        {
            root = Rfc6962.HashChildren(peaks[i], root);
        }

        return root;
    }
}
