using System.Runtime.CompilerServices;

namespace HousingLedger.Ledger;

/// <summary>Audit paths and consistency proofs, built as RFC 6962 §2.1.1 and §2.1.2 define them.</summary>
public static partial class Rfc6962
{
    /// <summary>
    /// The audit path PATH(index, D[n]) for the leaf at <paramref name="index"/> in the tree over all of
    /// <paramref name="leafHashes"/>: the sibling hashes from the leaf up to the root.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not a leaf of the tree.</exception>
    /// <exception cref="ArgumentException">A leaf hash is not <see cref="HashSize"/> bytes long.</exception>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long index)
    {
        RequireHashes(leafHashes);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, leafHashes.Count);

        var path = new List<byte[]>();
        AppendPath(leafHashes, (int)index, 0, leafHashes.Count, path);
        return path;
    }

    /// <summary>
    /// The consistency proof PROOF(fromSize, D[toSize]) that the tree over the first <paramref name="toSize"/>
    /// leaves extends the tree over the first <paramref name="fromSize"/>. Empty when the sizes are equal.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Not 0 &lt; <paramref name="fromSize"/> ≤ <paramref name="toSize"/> ≤ the number of leaves: a proof from
    /// the empty tree would prove nothing, and verifiers refuse it.
    /// </exception>
    /// <exception cref="ArgumentException">A leaf hash is not <see cref="HashSize"/> bytes long.</exception>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long fromSize, long toSize)
    {
        RequireHashes(leafHashes);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(toSize, fromSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toSize, leafHashes.Count);

        return Subproof(fromSize, toSize, (start, count) => SubtreeHash(leafHashes, (int)start, (int)count));
    }

    /// <summary>
    /// The same proof as <see cref="ConsistencyProof(IReadOnlyList{byte[]}, long, long)"/> from size
    /// <paramref name="fromSize"/> to fromSize + <paramref name="newLeafHashes"/>.Count, built without the old
    /// tree's leaves: from its <paramref name="fromPeaks"/> (<see cref="MerkleAccumulator.Peaks"/>) and the leaves
    /// appended since. So the work grows with the new leaves only, as a witness catching up wants. It can, because
    /// SUBPROOF only takes a left part (of the old leaves) after stepping right past it, and those parts, with the
    /// one it ends on, are exactly the peaks of the old tree; every right part lies wholly among the new leaves.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromSize"/> is below 1, as for the other overload.</exception>
    /// <exception cref="ArgumentException">
    /// There is not one peak per set bit of <paramref name="fromSize"/>, or a peak or leaf hash is not <see cref="HashSize"/> bytes long.
    /// </exception>
    public static IReadOnlyList<byte[]> ConsistencyProof(long fromSize, IReadOnlyList<byte[]> fromPeaks, IReadOnlyList<byte[]> newLeafHashes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSize, 1);
        RequirePeaks(fromSize, fromPeaks);
        RequireHashes(newLeafHashes);

        // The old tree's peak that starts at leaf `start` is the one after a peak for each set bit of `start`.
        return Subproof(fromSize, fromSize + newLeafHashes.Count, (start, count) => start < fromSize
            ? (byte[])fromPeaks[(int)long.PopCount(start)].Clone()
            : SubtreeHash(newLeafHashes, (int)(start - fromSize), (int)count));
    }

    /// <summary>
    /// Checks that <paramref name="peaks"/> can be the compact range of a tree of <paramref name="size"/> leaves:
    /// one hash of <see cref="HashSize"/> bytes per set bit of the size.
    /// </summary>
    internal static void RequirePeaks(long size, IReadOnlyList<byte[]> peaks, [CallerArgumentExpression(nameof(peaks))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(peaks, paramName);
        if (peaks.Count != long.PopCount(size) || peaks.Any(peak => peak?.Length != HashSize))
        {
            throw new ArgumentException(
                $"A tree of {size} leaves has {long.PopCount(size)} peaks of {HashSize} bytes; found {peaks.Count}.", paramName);
        }
    }

    /// <summary>PATH(m, D[start:start+count]): the path inside the left part, then the right part's hash, or vice versa.</summary>
    private static void AppendPath(IReadOnlyList<byte[]> leafHashes, int m, int start, int count, List<byte[]> path)
    {
        if (count == 1)
        {
            return;
        }

        var k = (int)SplitPoint(count);
        if (m < k)
        {
            AppendPath(leafHashes, m, start, k, path);
            path.Add(SubtreeHash(leafHashes, start + k, count - k));
        }
        else
        {
            AppendPath(leafHashes, m - k, start + k, count - k, path);
            path.Add(SubtreeHash(leafHashes, start, k));
        }
    }

    /// <summary>PROOF(m, D[n]), taking the hash of each subtree it needs from <paramref name="subtreeHash"/>(start, count).</summary>
    private static List<byte[]> Subproof(long m, long n, Func<long, long, byte[]> subtreeHash)
    {
        var proof = new List<byte[]>();
        AppendSubproof(m, 0, n, isWholeOldTree: true, subtreeHash, proof);
        return proof;
    }

    /// <summary>
    /// SUBPROOF(m, D[start:start+count], b). <paramref name="isWholeOldTree"/> is b: while it holds, the subtree
    /// of the first m leaves is the old tree itself, whose root the verifier already has.
    /// </summary>
    private static void AppendSubproof(long m, long start, long count, bool isWholeOldTree, Func<long, long, byte[]> subtreeHash, List<byte[]> proof)
    {
        if (m == count)
        {
            if (!isWholeOldTree)
            {
                proof.Add(subtreeHash(start, count));
            }

            return;
        }

        var k = SplitPoint(count);
        if (m <= k)
        {
            AppendSubproof(m, start, k, isWholeOldTree, subtreeHash, proof);
            proof.Add(subtreeHash(start + k, count - k));
        }
        else
        {
            AppendSubproof(m - k, start + k, count - k, isWholeOldTree: false, subtreeHash, proof);
            proof.Add(subtreeHash(start, k));
        }
    }
}
