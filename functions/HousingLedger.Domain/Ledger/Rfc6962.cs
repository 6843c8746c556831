using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;

namespace HousingLedger.Ledger;

/// <summary>
/// The Merkle tree of RFC 6962 §2.1 with SHA-256: leaf and node hashes with their domain-separation prefixes,
/// the Merkle Tree Hash, and (in the other parts of this class) audit paths, consistency proofs and their
/// verification. All members are pure functions and thread-safe; every returned array is the caller's own.
/// </summary>
public static partial class Rfc6962
{
    /// <summary>Prefixed to a leaf's data before hashing, so no leaf can pass for an interior node.</summary>
    public const byte LeafPrefix = 0x00;

    /// <summary>Prefixed to the concatenated child hashes of an interior node.</summary>
    public const byte NodePrefix = 0x01;

    /// <summary>Length in bytes of every hash in the tree (SHA-256).</summary>
    public const int HashSize = SHA256.HashSizeInBytes;

    // A verifier hashes three times a transaction, mostly 65 bytes at a time, where setting up a one-shot hash
    // costs as much as the hashing; so each thread keeps one hash to reuse.
    [ThreadStatic]
    private static IncrementalHash? sha256;

    // Leaves shorter than this (a transaction is about 350 bytes) are copied behind their prefix on the stack.
    private const int OneCallLeafData = 2048;

    /// <summary>The Merkle Tree Hash of the empty tree: SHA-256 of no bytes.</summary>
    public static byte[] EmptyRoot => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>SHA-256(0x00 ‖ <paramref name="leafData"/>).</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> leafData)
    {
        var hash = new byte[HashSize];
        HashLeaf(leafData, hash);
        return hash;
    }

    /// <summary>SHA-256(0x00 ‖ <paramref name="leafData"/>), written to <paramref name="destination"/>.</summary>
    public static void HashLeaf(ReadOnlySpan<byte> leafData, Span<byte> destination)
    {
        var sha256 = Sha256;
        if (leafData.Length < OneCallLeafData)
        {
            // One call into the hash for the whole preimage, as for a node: copying the leaf costs less than a call.
            Span<byte> preimage = stackalloc byte[1 + leafData.Length];
            preimage[0] = LeafPrefix;
            leafData.CopyTo(preimage[1..]);
            sha256.AppendData(preimage);
        }
        else
        {
            sha256.AppendData([LeafPrefix]);
            sha256.AppendData(leafData);
        }

        sha256.GetHashAndReset(destination);
    }

    /// <summary>SHA-256(0x01 ‖ <paramref name="left"/> ‖ <paramref name="right"/>).</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[HashSize];
        HashChildren(left, right, hash);
        return hash;
    }

    /// <summary>
    /// SHA-256(0x01 ‖ <paramref name="left"/> ‖ <paramref name="right"/>), written to <paramref name="destination"/>,
    /// which may be either child: both are read before it is written.
    /// </summary>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        // One call into the hash for the whole preimage: each call costs about as much as hashing 65 bytes.
        var length = 1 + left.Length + right.Length;
        Span<byte> preimage = length <= 1 + (2 * HashSize) ? stackalloc byte[length] : new byte[length];
        preimage[0] = NodePrefix;
        left.CopyTo(preimage[1..]);
        right.CopyTo(preimage[(1 + left.Length)..]);
        var sha256 = Sha256;
        sha256.AppendData(preimage);
        sha256.GetHashAndReset(destination);
    }

    private static IncrementalHash Sha256 => sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>
    /// The Merkle Tree Hash (RFC 6962 §2.1) over <paramref name="leafHashes"/> in order: the empty root for no
    /// leaves, the leaf hash itself for one, otherwise HashChildren of the hashes of the first k leaves and of
    /// the rest, where k is the largest power of two smaller than the count.
    /// </summary>
    /// <exception cref="ArgumentException">A leaf hash is not <see cref="HashSize"/> bytes long.</exception>
    public static byte[] RootHash(IReadOnlyList<byte[]> leafHashes)
    {
        RequireHashes(leafHashes);
        return SubtreeHash(leafHashes, 0, leafHashes.Count);
    }

    /// <summary>The Merkle Tree Hash over leaf hashes laid end to end, <see cref="HashSize"/> bytes each.</summary>
    /// <exception cref="ArgumentException">The length is not a whole number of hashes.</exception>
    public static byte[] RootHash(ReadOnlySpan<byte> leafHashes)
    {
        if (leafHashes.Length % HashSize != 0)
        {
            throw new ArgumentException($"{leafHashes.Length} bytes are not a whole number of {HashSize}-byte hashes.", nameof(leafHashes));
        }

        if (leafHashes.IsEmpty)
        {
            return EmptyRoot;
        }

        var nodes = ArrayPool<byte>.Shared.Rent(leafHashes.Length);
        try
        {
            leafHashes.CopyTo(nodes);
            return HashLevels(nodes.AsSpan(0, leafHashes.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(nodes);
        }
    }

    /// <summary>The hash of the subtree over <paramref name="count"/> leaves from <paramref name="start"/>.</summary>
    private static byte[] SubtreeHash(IReadOnlyList<byte[]> leafHashes, int start, int count)
    {
        if (count == 0)
        {
            return EmptyRoot;
        }

        var nodes = ArrayPool<byte>.Shared.Rent(count * HashSize);
        try
        {
            for (var i = 0; i < count; i++)
            {
                leafHashes[start + i].CopyTo(nodes, i * HashSize);
            }

            return HashLevels(nodes.AsSpan(0, count * HashSize));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(nodes);
        }
    }

    /// <summary>
    /// The root over at least one node, hashing each level's pairs into the start of <paramref name="nodes"/>, so
    /// nothing is allocated per node. A level's last node, when it has no pair, goes up as it is. That builds
    /// §2.1's tree: its left subtree is always perfect (k a power of two), so the pairs of every level up to its
    /// root fall within one side or the other, and the right side is built the same way on its own.
    /// </summary>
    private static byte[] HashLevels(Span<byte> nodes)
    {
        for (var count = nodes.Length / HashSize; count > 1; count = (count + 1) / 2)
        {
            for (var pair = 0; pair < count / 2; pair++)
            {
                var left = nodes.Slice(2 * pair * HashSize, HashSize);
                HashChildren(left, nodes.Slice((2 * pair + 1) * HashSize, HashSize), nodes.Slice(pair * HashSize, HashSize));
            }

            if (count % 2 == 1)
            {
                nodes.Slice((count - 1) * HashSize, HashSize).CopyTo(nodes[(count / 2 * HashSize)..]);
            }
        }

        return nodes[..HashSize].ToArray();
    }

    /// <summary>The largest power of two smaller than <paramref name="count"/> (which is at least 2).</summary>
    private static long SplitPoint(long count) => 1L << BitOperations.Log2((ulong)(count - 1));

    private static void RequireHashes(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        for (var i = 0; i < leafHashes.Count; i++)
        {
            if (leafHashes[i]?.Length != HashSize)
            {
                throw new ArgumentException($"Leaf hash {i} has {leafHashes[i]?.Length ?? 0} bytes, want {HashSize}.", nameof(leafHashes));
            }
        }
    }
}
