using System.Numerics;

namespace HousingLedger.Ledger;

/// <summary>
/// Proof verification as RFC 9162 §2.1.3.2 and §2.1.4.2 specify it for RFC 6962 trees, after checking that the
/// proof has exactly the number of hashes its sizes call for, so a malformed proof is told apart from a false one.
/// </summary>
public static partial class Rfc6962
{
    /// <summary>
    /// Checks that the leaf with <paramref name="leafHash"/> sits at <paramref name="index"/> in the tree of
    /// <paramref name="size"/> leaves whose Merkle Tree Hash is <paramref name="root"/>.
    /// </summary>
    public static ProofCheck VerifyInclusion(long index, long size, byte[] leafHash, IReadOnlyList<byte[]> proof, byte[] root)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(root);

        if (index < 0 || index >= size)
        {
            return ProofCheck.Malformed($"leaf index {index} is out of range for tree size {size}");
        }

        var malformed = WrongLength("leaf hash", leafHash) ?? WrongLength("root", root) ?? WrongLengths(proof)
            ?? WrongCount(proof, InclusionProofSize(index, size));
        if (malformed is not null)
        {
            return malformed;
        }

        var computed = RootFromInclusionProof(index, size, leafHash, proof);
        return Matches("root", computed, root);
    }

    /// <summary>
    /// Checks that the tree of <paramref name="size2"/> leaves with root <paramref name="root2"/> extends the
    /// tree of <paramref name="size1"/> leaves with root <paramref name="root1"/>. Requires 0 &lt; size1 ≤ size2:
    /// every tree extends the empty one, so a proof from size 0 shows nothing and is refused as malformed.
    /// </summary>
    public static ProofCheck VerifyConsistency(long size1, long size2, byte[] root1, byte[] root2, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(root1);
        ArgumentNullException.ThrowIfNull(root2);
        ArgumentNullException.ThrowIfNull(proof);

        if (size1 < 1 || size2 < size1)
        {
            return ProofCheck.Malformed($"sizes {size1} and {size2} are not 0 < size1 <= size2");
        }

        var malformed = WrongLength("first root", root1) ?? WrongLength("second root", root2) ?? WrongLengths(proof)
            ?? WrongCount(proof, ConsistencyProofSize(size1, size2));
        if (malformed is not null)
        {
            return malformed;
        }

        if (size1 == size2)
        {
            return Matches("second root", root1, root2);
        }

        var (first, second) = RootsFromConsistencyProof(size1, size2, root1, proof);
        var firstCheck = Matches("first root", first, root1);
        return firstCheck.IsValid ? Matches("second root", second, root2) : firstCheck;
    }

    /// <summary>RFC 9162 §2.1.3.2 steps 2–4; the caller has checked the index and the proof's length.</summary>
    private static byte[] RootFromInclusionProof(long index, long size, byte[] leafHash, IReadOnlyList<byte[]> proof)
    {
        var fn = index;
        var sn = size - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if ((fn & 1) == 1 || fn == sn)
            {
                r = HashChildren(p, r);
                (fn, sn) = SkipRightBorderLevels(fn, sn);
            }
            else
            {
                r = HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return r;
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2 steps 2–6: the roots of the old and the new tree that the proof implies; the caller has
    /// checked 0 &lt; size1 &lt; size2 and the proof's length.
    /// </summary>
    private static (byte[] First, byte[] Second) RootsFromConsistencyProof(long size1, long size2, byte[] root1, IReadOnlyList<byte[]> proof)
    {
        // When the old tree is a perfect subtree of the new one, its root is the proof's implicit first hash.
        var path = BitOperations.IsPow2(size1) ? [root1, .. proof] : proof;
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = HashChildren(c, fr);
                sr = HashChildren(c, sr);
                (fn, sn) = SkipRightBorderLevels(fn, sn);
            }
            else
            {
                sr = HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return (fr, sr);
    }

    /// <summary>On the right border a node may have no sibling; climb until fn is a right child or the root.</summary>
    private static (long Fn, long Sn) SkipRightBorderLevels(long fn, long sn)
    {
        while ((fn & 1) == 0 && fn != 0)
        {
            fn >>= 1;
            sn >>= 1;
        }

        return (fn, sn);
    }

    /// <summary>
    /// Hashes in the audit path: one per level below the point where the paths to <paramref name="index"/> and
    /// to the last leaf part, then one per left sibling along the right border above it.
    /// </summary>
    private static int InclusionProofSize(long index, long size)
    {
        var inner = BitLength((ulong)(index ^ (size - 1)));
        return inner + BitOperations.PopCount((ulong)index >> inner);
    }

    /// <summary>
    /// Hashes in PROOF(size1, D[size2]): the audit path of the old tree's last leaf from the level of the
    /// largest perfect subtree that ends it, plus that subtree's root unless it is the whole old tree.
    /// </summary>
    private static int ConsistencyProofSize(long size1, long size2)
    {
        if (size1 == size2)
        {
            return 0;
        }

        var lastOld = (ulong)(size1 - 1);
        var fork = BitLength(lastOld ^ (ulong)(size2 - 1));
        var border = BitOperations.PopCount(lastOld >> fork);
        var perfectHeight = BitOperations.TrailingZeroCount(size1);
        var seed = BitOperations.IsPow2(size1) ? 0 : 1;
        return seed + (fork - perfectHeight) + border;
    }

    private static int BitLength(ulong value) => 64 - BitOperations.LeadingZeroCount(value);

    private static ProofCheck? WrongLength(string what, byte[] hash) =>
        hash.Length == HashSize ? null : ProofCheck.Malformed($"{what} has {hash.Length} bytes, want {HashSize}");

    private static ProofCheck? WrongLengths(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i]?.Length != HashSize)
            {
                return ProofCheck.Malformed($"proof[{i}] has {proof[i]?.Length ?? 0} bytes, want {HashSize}");
            }
        }

        return null;
    }

    private static ProofCheck? WrongCount(IReadOnlyList<byte[]> proof, int want) =>
        proof.Count == want ? null : ProofCheck.Malformed($"wrong proof size {proof.Count}, want {want}");

    private static ProofCheck Matches(string what, byte[] computed, byte[] want) =>
        computed.AsSpan().SequenceEqual(want)
            ? ProofCheck.Valid
            : ProofCheck.RootMismatch($"computed {what} {Convert.ToHexStringLower(computed)}, want {Convert.ToHexStringLower(want)}");
}
