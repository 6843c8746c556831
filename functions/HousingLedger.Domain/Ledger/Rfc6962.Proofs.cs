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

        var proof = new List<byte[]>();
        AppendSubproof(leafHashes, (int)fromSize, 0, (int)toSize, isWholeOldTree: true, proof);
        return proof;
    }

    /// <summary>PATH(m, D[start:start+count]): the path inside the left part, then the right part's hash, or vice versa.</summary>
    private static void AppendPath(IReadOnlyList<byte[]> leafHashes, int m, int start, int count, List<byte[]> path)
    {
        if (count == 1)
        {
            return;
        }

        var k = SplitPoint(count);
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

    /// <summary>
    /// SUBPROOF(m, D[start:start+count], b). <paramref name="isWholeOldTree"/> is b: while it holds, the subtree
    /// of the first m leaves is the old tree itself, whose root the verifier already has.
    /// </summary>
    private static void AppendSubproof(IReadOnlyList<byte[]> leafHashes, int m, int start, int count, bool isWholeOldTree, List<byte[]> proof)
    {
        if (m == count)
        {
            if (!isWholeOldTree)
            {
                proof.Add(SubtreeHash(leafHashes, start, count));
            }

            return;
        }

        var k = SplitPoint(count);
        if (m <= k)
        {
            AppendSubproof(leafHashes, m, start, k, isWholeOldTree, proof);
            proof.Add(SubtreeHash(leafHashes, start + k, count - k));
        }
        else
        {
            AppendSubproof(leafHashes, m - k, start + k, count - k, isWholeOldTree: false, proof);
            proof.Add(SubtreeHash(leafHashes, start, k));
        }
    }
}
