using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

/// <summary>
/// Verifies a chain block by block as it streams past (the API's <c>/verify</c>, the offline <c>hl</c> verifier,
/// tests), holding only the last block's hash, the event ids seen and an RFC 6962 accumulator. Each block is
/// checked in this order, and verification stops at the first failure: height follows on from 0 without gaps;
/// previousHash is the hash of the block before (64 zeros at height 0); header.chain is this chain; txCount is
/// the number of transactions; each transaction is this chain's; each event id is new to the chain; merkleRoot
/// is the RFC 6962 root of the block's leaf hashes; the kid names a known key; the signature verifies under it.
/// Not thread-safe: one verifier reads one chain in order.
/// </summary>
public sealed partial class ChainVerifier
{
    private string? chain;
    private readonly Func<string, PublicSigningKey?> findKey;
    private readonly Dictionary<string, (long Height, int Index)> eventIds = new(StringComparer.Ordinal);
    private readonly MerkleAccumulator leaves = new();

    // Importing a key costs about as much as checking a signature, and a chain has few keys and many blocks; so
    // each key is imported once. A verifier is used on one thread, as ECDsa must be. The handful of instances
    // live as long as the verifier; their finalizers release them after it.
    private readonly Dictionary<PublicSigningKey, ECDsa> importedKeys = [];
    private long blocks;
    private string previousHash = BlockHeader.GenesisPreviousHash;
    private ChainVerificationFailure? failure;

    /// <param name="chain">The chain every block must belong to.</param>
    /// <param name="findKey">The published key with a given kid, or null when there is none (e.g. <see cref="Jwks.Find"/>).</param>
    public ChainVerifier(string chain, Func<string, PublicSigningKey?> findKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(chain);
        ArgumentNullException.ThrowIfNull(findKey);
        this.chain = chain;
        this.findKey = findKey;
    }

    /// <summary>
    /// A verifier of the chain its first block names: for an export read on its own, where nothing but its
    /// content says whose chain it is. Every later block and transaction must be that chain's.
    /// </summary>
    /// <param name="findKey">The published key with a given kid, or null when there is none (e.g. <see cref="Jwks.Find"/>).</param>
    public ChainVerifier(Func<string, PublicSigningKey?> findKey)
    {
        ArgumentNullException.ThrowIfNull(findKey);
        this.findKey = findKey;
    }

    /// <summary>The chain being verified; null until the first block names it, when none was given.</summary>
    public string? Chain => chain;

    /// <summary>What has been verified so far, and the first failure if there was one.</summary>
    public ChainVerification Result => new(blocks, leaves.Size, failure);

    /// <summary>The number of leaves (transactions) in the verified part of the chain: a checkpoint's tree size.</summary>
    public long TreeSize => leaves.Size;

    /// <summary>The RFC 6962 root over every leaf of the verified part of the chain: a checkpoint's root hash.</summary>
    public byte[] RootHash() => leaves.RootHash();

    /// <summary>Checks the next block. Returns whether the chain still verifies; after a failure, blocks are ignored.</summary>
    public bool Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (failure is not null)
        {
            return false;
        }

        var leafHashes = block.LeafHashes();
        failure = FindFailure(block, leafHashes);
        if (failure is not null)
        {
            return false;
        }

        foreach (var leafHash in leafHashes)
        {
            leaves.Append(leafHash);
        }

        previousHash = block.Header.Hash();
        blocks++;
        return true;
    }

    /// <summary>
    /// Checks the next line of a chain export. A line that is not a well-formed block fails at the height it
    /// should have had, naming the first fault. Returns whether the chain still verifies.
    /// </summary>
    public bool AddExportLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return failure is null && AddReadBlock(Block.FromExportLine(line));
    }

    /// <summary>Checks the next line of a chain export, given as its UTF-8 bytes without the newline.</summary>
    public bool AddExportLine(ReadOnlySpan<byte> utf8Line) =>
        failure is null && AddReadBlock(Block.FromExportLine(utf8Line));

    /// <summary>Fails the chain at the next height because its export line cannot be read at all (see <see cref="ChainExport"/>).</summary>
    internal void RefuseExportLine(string reason)
    {
        failure ??= new ChainVerificationFailure(blocks, null, reason);
    }

    private bool AddReadBlock(Validated<Block> block)
    {
        if (block.IsValid)
        {
            return Add(block.Value);
        }

        var first = block.Errors[0];
        var index = TransactionPath().Match(first.Field);
        failure = new ChainVerificationFailure(
            blocks,
            index.Success ? int.Parse(index.Groups[1].Value, CultureInfo.InvariantCulture) : null,
            $"the export line is not a well-formed block: {first.Field} {first.Message}");
        return false;
    }

    private ChainVerificationFailure? FindFailure(Block block, IReadOnlyList<byte[]> leafHashes)
    {
        var header = block.Header;
        var height = blocks;
        if (header.Height != height)
        {
            return new(height, null, $"height: expected {height} ({(height == 0 ? "a chain starts at 0" : $"one more than block {height - 1}")}), found {header.Height}");
        }

        if (header.PreviousHash != previousHash)
        {
            var whose = height == 0 ? "64 zeros at height 0" : $"the hash of block {height - 1}";
            return new(height, null, $"previousHash: expected {previousHash} ({whose}), found {header.PreviousHash}");
        }

        chain ??= header.Chain;
        if (header.Chain != chain)
        {
            return new(height, null, $"header.chain: expected '{chain}', found '{header.Chain}'");
        }

        if (header.TxCount != block.Transactions.Count)
        {
            return new(height, null, $"txCount: expected {block.Transactions.Count} (the transactions in the block), found {header.TxCount}");
        }

        return FindTransactionFailure(block)
            ?? FindSealFailure(header, block.Signature, leafHashes);
    }

    private ChainVerificationFailure? FindTransactionFailure(Block block)
    {
        var height = block.Header.Height;
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var transaction = block.Transactions[i];
            if (transaction.Chain != chain)
            {
                return new(height, i, $"chain: expected '{chain}', found '{transaction.Chain}'");
            }

            if (!eventIds.TryAdd(transaction.EventId, (height, i)))
            {
                var (firstHeight, firstIndex) = eventIds[transaction.EventId];
                return new(height, i, $"eventId: expected an id new to the chain, found '{transaction.EventId}', already at block {firstHeight}, transaction {firstIndex}");
            }
        }

        return null;
    }

    private ChainVerificationFailure? FindSealFailure(BlockHeader header, string signature, IReadOnlyList<byte[]> leafHashes)
    {
        var root = LowercaseHex.Of(Rfc6962.RootHash(leafHashes));
        if (header.MerkleRoot != root)
        {
            return new(header.Height, null, $"merkleRoot: expected {root} (the RFC 6962 root of the block's {leafHashes.Count} leaf hashes), found {header.MerkleRoot}");
        }

        var fault = BlockSignature.FindFault(header, signature, findKey, Imported);
        return fault is null ? null : new(header.Height, null, fault);
    }

    private ECDsa Imported(PublicSigningKey key)
    {
        ref var imported = ref CollectionsMarshal.GetValueRefOrAddDefault(importedKeys, key, out _);
        return imported ??= key.Import();
    }

    [GeneratedRegex(@"^transactions\[(\d+)\]")]
    private static partial Regex TransactionPath();
}
