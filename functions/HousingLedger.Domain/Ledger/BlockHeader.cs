using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Ledger;

/// <summary>
/// What a block's signature covers (SPEC §8): its place in the chain (<see cref="Height"/>,
/// <see cref="PreviousHash"/>), the RFC 6962 root of its transactions' leaf hashes, how many there are, when it
/// was sealed and which key signed it. Immutable and thread-safe.
/// </summary>
public sealed record BlockHeader
{
    /// <summary>The <see cref="PreviousHash"/> of the first block (height 0): 64 zeros.</summary>
    public const string GenesisPreviousHash = "0000000000000000000000000000000000000000000000000000000000000000";

    internal static readonly string[] MemberNames = ["chain", "height", "previousHash", "merkleRoot", "txCount", "sealedAt", "kid"];

    /// <exception cref="ArgumentException">
    /// The chain is not an id, the height is negative, a hash is not 64 lowercase hex digits, the count is not
    /// positive, or the key id is empty.
    /// </exception>
    public BlockHeader(string chain, long height, string previousHash, string merkleRoot, int txCount, DateTimeOffset sealedAt, string kid)
    {
        if (!Identifier.IsValid(chain))
        {
            throw new ArgumentException($"'{chain}' is not a chain name: a chain is named by an id, {Identifier.Rule}.", nameof(chain));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(height);
        RequireHash(previousHash, nameof(previousHash));
        RequireHash(merkleRoot, nameof(merkleRoot));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(txCount);
        ArgumentException.ThrowIfNullOrEmpty(kid);
        Chain = chain;
        Height = height;
        PreviousHash = previousHash;
        MerkleRoot = merkleRoot;
        TxCount = txCount;
        SealedAt = sealedAt.ToUniversalTime();
        Kid = kid;
    }

    public string Chain { get; }

    /// <summary>0 for the first block, then one more for each block.</summary>
    public long Height { get; }

    /// <summary>The <see cref="Hash"/> of the block before, or <see cref="GenesisPreviousHash"/> at height 0.</summary>
    public string PreviousHash { get; }

    /// <summary>The RFC 6962 Merkle tree hash of the block's leaf hashes in order, lowercase hex.</summary>
    public string MerkleRoot { get; }

    /// <summary>How many transactions the block holds.</summary>
    public int TxCount { get; }

    public DateTimeOffset SealedAt { get; }

    /// <summary>The id of the key that signed the block, as published in the JWKS.</summary>
    public string Kid { get; }

    /// <summary>Reads a header as the ledger writes it; every member is required and no other is allowed.</summary>
    public static Validated<BlockHeader> FromJson(JsonObject json) =>
        LedgerDocument.Read(json, string.Empty, MemberNames, Read);

    /// <summary>The header's JSON form: <c>{chain, height, previousHash, merkleRoot, txCount, sealedAt, kid}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["chain"] = Chain,
        ["height"] = Height,
        ["previousHash"] = PreviousHash,
        ["merkleRoot"] = MerkleRoot,
        ["txCount"] = TxCount,
        ["sealedAt"] = UtcTimestamp.Format(SealedAt),
        ["kid"] = Kid,
    };

    /// <summary>The block hash: SHA-256(JCS(header)), lowercase hex. The block's signature is over these bytes.</summary>
    public string Hash() => LowercaseHex.Of(HashBytes());

    /// <summary>The block hash as bytes: the digest an ES256 signature of the block signs.</summary>
    public byte[] HashBytes() => SHA256.HashData(Jcs.Canonicalize(ToJson()));

    /// <summary>Reads an opened header; null when it is absent or has errors.</summary>
    internal static BlockHeader? Read(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var chain = reader.Identifier("chain");
        var height = reader.Integer("height", 0);
        var previousHash = reader.Hash("previousHash");
        var merkleRoot = reader.Hash("merkleRoot");
        var txCount = reader.Integer("txCount", 1, int.MaxValue);
        var sealedAt = reader.Instant("sealedAt");
        var kid = reader.String("kid");
        return reader.IsValid
            ? new BlockHeader(chain!, height!.Value, previousHash!, merkleRoot!, (int)txCount!.Value, sealedAt!.Value, kid!)
            : null;
    }

    private static void RequireHash(string hash, string name)
    {
        ArgumentNullException.ThrowIfNull(hash, name);
        if (!LowercaseHex.IsSha256(hash))
        {
            throw new ArgumentException($"'{hash}' is not a SHA-256 hash in ledger form (64 lowercase hex digits).", name);
        }
    }
}
