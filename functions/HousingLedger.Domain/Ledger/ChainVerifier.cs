using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

/// <summary>
/// Verifies a chain block by block as it streams past (the API's <c>/verify</c>, the offline <c>hl</c> verifier,
/// tests), holding the last block's hash, an RFC 6962 accumulator and the event ids seen, which go to a temporary
/// file beyond a fixed amount (<see cref="SeenEventIds"/>), so memory stays flat however long the chain. Each block
/// is checked in this order: height follows on from 0 without gaps; previousHash is the hash of the block before
/// (64 zeros at height 0); header.chain is this chain; txCount is the number of transactions; each transaction is
/// this chain's; each event id is new to the chain; merkleRoot is the RFC 6962 root of the block's leaf hashes; the
/// kid names a known key; the signature verifies under it. Reading stops at the first failure. An event id used
/// twice is found when <see cref="Result"/> compares the ids; it is always the first failure, as every id it
/// compares was checked before any failure that ended the reading. Not thread-safe: one verifier reads one chain in
/// order. Dispose it to delete its file of event ids at once rather than when it is collected.
/// </summary>
public sealed partial class ChainVerifier : IDisposable
{
    private string? chain;
    private readonly Func<string, PublicSigningKey?> findKey;
    private readonly SeenEventIds eventIds = new();
    private readonly MerkleAccumulator leaves = new();
    private readonly CanonicalExportLine canonicalLine = new();

    // Importing a key costs about as much as checking a signature, and a chain has few keys and many blocks; so
    // each key is imported once. A verifier is used on one thread, as ECDsa must be.
    private readonly Dictionary<PublicSigningKey, ECDsa> importedKeys = [];
    private long blocks;
    private string previousHash = BlockHeader.GenesisPreviousHash;
    private ChainVerification? failed;
    private bool idsCompared = true;

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

    /// <summary>
    /// What has been verified so far, and the first failure if there was one. Reading it compares every event id
    /// seen so far, reading back any written to the temporary file: read it once the last block is in.
    /// </summary>
    public ChainVerification Result
    {
        get
        {
            if (!idsCompared)
            {
                idsCompared = true;
                if (eventIds.FindFirstRepeat() is { } repeat)
                {
                    Fail(RepeatedEventId(repeat), repeat.Repeat.Height, repeat.Repeat.Leaf - repeat.Repeat.Index);
                }
            }

            return failed ?? new(blocks, leaves.Size, null);
        }
    }

    /// <summary>The number of leaves (transactions) in the chain read so far: a checkpoint's tree size, once <see cref="Result"/> holds.</summary>
    public long TreeSize => leaves.Size;

    /// <summary>The RFC 6962 root over every leaf of the chain read so far: a checkpoint's root hash, once <see cref="Result"/> holds.</summary>
    public byte[] RootHash() => leaves.RootHash();

    /// <summary>Checks the next block. Returns whether the chain still verifies; after a failure, blocks are ignored.</summary>
    public bool Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (failed is not null)
        {
            return false;
        }

        var header = block.Header;
        var leafHashes = block.LeafHashes();
        var found = FindLinkFailure(header, block.Transactions.Count)
            ?? FindTransactionFailure(block)
            ?? FindSealFailure(header, header.HashBytes(), EcdsaSignature.FromBase64Url(block.Signature)!, Rfc6962.RootHash(leafHashes), leafHashes.Count);
        if (found is not null)
        {
            return Fail(found, blocks, leaves.Size);
        }

        foreach (var leafHash in leafHashes)
        {
            leaves.Append(leafHash);
        }

        return Verified(header.Hash());
    }

    /// <summary>
    /// Checks the next line of a chain export. A line that is not a well-formed block fails at the height it
    /// should have had, naming the first fault. Returns whether the chain still verifies.
    /// </summary>
    public bool AddExportLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return AddExportLine(Encoding.UTF8.GetBytes(line));
    }

    /// <summary>
    /// Checks the next line of a chain export, given as its UTF-8 bytes without the newline. A line in canonical
    /// form, as the service writes them, is checked straight from its bytes; any other is read into a
    /// <see cref="Block"/> first, with the same outcome.
    /// </summary>
    public bool AddExportLine(ReadOnlySpan<byte> utf8Line)
    {
        if (failed is not null)
        {
            return false;
        }

        return canonicalLine.TryRead(utf8Line) ? AddCanonical(canonicalLine) : AddReadBlock(Block.FromExportLine(utf8Line));
    }

    public void Dispose()
    {
        eventIds.Dispose();
        foreach (var key in importedKeys.Values)
        {
            key.Dispose();
        }
    }

    /// <summary>Fails the chain at the next height because its export line cannot be read at all (see <see cref="ChainExport"/>).</summary>
    internal void RefuseExportLine(string reason)
    {
        if (failed is null)
        {
            Fail(new ChainVerificationFailure(blocks, null, reason), blocks, leaves.Size);
        }
    }

    // Every transaction of a canonical line is the header's chain, so once the header holds, so does each of them.
    private bool AddCanonical(CanonicalExportLine line)
    {
        var header = line.Header;
        var found = FindLinkFailure(header, line.TransactionCount);
        if (found is null)
        {
            for (var i = 0; i < line.TransactionCount; i++)
            {
                See(line.EventId(i), header.Height, i);
            }

            found = FindSealFailure(header, line.HeaderHash, line.Signature, Rfc6962.RootHash(line.LeafHashes), line.TransactionCount);
        }

        if (found is not null)
        {
            return Fail(found, blocks, leaves.Size);
        }

        for (var leaf = line.LeafHashes; !leaf.IsEmpty; leaf = leaf[Rfc6962.HashSize..])
        {
            leaves.Append(leaf[..Rfc6962.HashSize]);
        }

        return Verified(LowercaseHex.Of(line.HeaderHash));
    }

    private bool AddReadBlock(Validated<Block> block)
    {
        if (block.IsValid)
        {
            return Add(block.Value);
        }

        var first = block.Errors[0];
        var index = TransactionPath().Match(first.Field);
        return Fail(
            new ChainVerificationFailure(
                blocks,
                index.Success ? int.Parse(index.Groups[1].Value, CultureInfo.InvariantCulture) : null,
                $"the export line is not a well-formed block: {first.Field} {first.Message}"),
            blocks,
            leaves.Size);
    }

    private bool Verified(string blockHash)
    {
        previousHash = blockHash;
        blocks++;
        return true;
    }

    private bool Fail(ChainVerificationFailure found, long blocksBefore, long transactionsBefore)
    {
        failed = new ChainVerification(blocksBefore, transactionsBefore, found);
        return false;
    }

    private void See(ReadOnlySpan<byte> eventId, long height, int index)
    {
        eventIds.Add(eventId, new TransactionPosition(height, index, leaves.Size + index));
        idsCompared = false;
    }

    /// <summary>The checks of a block's place in the chain, before any of its transactions.</summary>
    private ChainVerificationFailure? FindLinkFailure(BlockHeader header, int transactionCount)
    {
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

        return header.TxCount == transactionCount
            ? null
            : new(height, null, $"txCount: expected {transactionCount} (the transactions in the block), found {header.TxCount}");
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

            See(Encoding.UTF8.GetBytes(transaction.EventId), height, i);
        }

        return null;
    }

    private ChainVerificationFailure? FindSealFailure(BlockHeader header, byte[] blockHash, byte[] signature, byte[] merkleRoot, int leafCount)
    {
        var root = LowercaseHex.Of(merkleRoot);
        if (header.MerkleRoot != root)
        {
            return new(header.Height, null, $"merkleRoot: expected {root} (the RFC 6962 root of the block's {leafCount} leaf hashes), found {header.MerkleRoot}");
        }

        var fault = BlockSignature.FindFault(header, blockHash, signature, findKey, Imported);
        return fault is null ? null : new(header.Height, null, fault);
    }

    private static ChainVerificationFailure RepeatedEventId(EventIdRepeat repeat) => new(
        repeat.Repeat.Height,
        repeat.Repeat.Index,
        $"eventId: expected an id new to the chain, found '{repeat.EventId}', already at block {repeat.First.Height}, transaction {repeat.First.Index}");

    private ECDsa Imported(PublicSigningKey key)
    {
        ref var imported = ref CollectionsMarshal.GetValueRefOrAddDefault(importedKeys, key, out _);
        return imported ??= key.Import();
    }

    [GeneratedRegex(@"^transactions\[(\d+)\]")]
    private static partial Regex TransactionPath();
}
