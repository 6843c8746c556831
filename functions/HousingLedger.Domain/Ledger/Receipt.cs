using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

/// <summary>
/// Proof that one transaction is on its chain, checkable without the rest of the chain: the transaction, its
/// index among its block's leaves, the block's header and signature, and the RFC 6962 inclusion proof (audit
/// path, lowercase hex, nearest sibling first) from its leaf to the header's merkleRoot. The JSON form is the body
/// of <c>GET /api/ledger/{chain}/receipts/{eventId}</c>: <c>{"tx", "leafIndex", "header", "signature", "proof"}</c>.
/// Immutable and thread-safe; check one with <see cref="ReceiptVerifier"/>.
/// </summary>
public sealed record Receipt
{
    private static readonly string[] MemberNames = ["tx", "leafIndex", "header", "signature", "proof"];

    private readonly string[] proof;

    /// <remarks>The signature is taken as given; <see cref="ReceiptVerifier"/> reports one that is malformed.</remarks>
    /// <exception cref="ArgumentException">The leaf index is negative, or a proof hash is not 64 lowercase hex digits.</exception>
    public Receipt(LedgerTransaction tx, int leafIndex, BlockHeader header, string signature, IEnumerable<string> proof)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(proof);
        this.proof = [.. proof];
        if (!this.proof.All(LowercaseHex.IsSha256))
        {
            throw new ArgumentException("Every proof hash is 64 lowercase hex digits.", nameof(proof));
        }

        Tx = tx;
        LeafIndex = leafIndex;
        Header = header;
        Signature = signature;
    }

    public LedgerTransaction Tx { get; }

    /// <summary>The transaction's index within its block, from 0.</summary>
    public int LeafIndex { get; }

    public BlockHeader Header { get; }

    /// <summary>The block's signature: ES256 raw <c>r‖s</c>, base64url without padding.</summary>
    public string Signature { get; }

    /// <summary>The RFC 6962 audit path from the leaf to the block's merkleRoot, lowercase hex.</summary>
    public IReadOnlyList<string> Proof => proof;

    /// <summary>The receipt for the transaction at <paramref name="leafIndex"/> of <paramref name="block"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The block has no transaction at that index.</exception>
    public static Receipt For(Block block, int leafIndex)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, block.Transactions.Count);
        var path = Rfc6962.InclusionProof(block.LeafHashes(), leafIndex);
        return new Receipt(block.Transactions[leafIndex], leafIndex, block.Header, block.Signature, path.Select(h => LowercaseHex.Of(h)));
    }

    /// <summary>Reads a receipt; every member is required and no other is allowed.</summary>
    public static Validated<Receipt> FromJson(JsonObject json) =>
        LedgerDocument.Read(json, string.Empty, MemberNames, Read);

    public JsonObject ToJson() => new()
    {
        ["tx"] = Tx.ToJson(),
        ["leafIndex"] = LeafIndex,
        ["header"] = Header.ToJson(),
        ["signature"] = Signature,
        ["proof"] = new JsonArray([.. proof.Select(h => (JsonNode)h)]),
    };

    public bool Equals(Receipt? other) =>
        other is not null && Tx == other.Tx && LeafIndex == other.LeafIndex && Header == other.Header
        && Signature == other.Signature && proof.SequenceEqual(other.proof);

    public override int GetHashCode() => HashCode.Combine(Tx, LeafIndex, Header, Signature);

    private static Receipt? Read(JsonObjectReader reader)
    {
        var tx = LedgerTransaction.Read(reader.Nested("tx", LedgerTransaction.MemberNames));
        var leafIndex = reader.Integer("leafIndex", 0, int.MaxValue);
        var header = BlockHeader.Read(reader.Nested("header", BlockHeader.MemberNames));
        var signature = reader.String("signature");
        var path = ReadProof(reader);
        return reader.IsValid ? new Receipt(tx!, (int)leafIndex!.Value, header!, signature!, path!) : null;
    }

    private static List<string>? ReadProof(JsonObjectReader reader)
    {
        if (reader.Array("proof") is not { } items)
        {
            return null;
        }

        var hashes = new List<string>();
        foreach (var (item, index) in items.EnumerateArray().Select((item, index) => (item, index)))
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } hash && LowercaseHex.IsSha256(hash))
            {
                hashes.Add(hash);
            }
            else
            {
                reader.Add(new FieldError(reader.PathOf("proof", index), FieldMessages.Sha256));
            }
        }

        return hashes;
    }
}
