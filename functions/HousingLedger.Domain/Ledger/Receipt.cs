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
        JsonObjectReader.Validate(errors => Read(json, errors));

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

    private static Receipt? Read(JsonObject json, List<FieldError> errors)
    {
        var reader = JsonObjectReader.Open(json, string.Empty, errors, MemberNames);
        if (reader is null)
        {
            return null;
        }

        var tx = LedgerTransaction.Read(reader.Node("tx"), reader.PathOf("tx"), errors);
        var leafIndex = reader.Integer("leafIndex", 0);
        if (leafIndex > int.MaxValue)
        {
            reader.Add("leafIndex", $"must be at most {int.MaxValue}");
        }

        var header = BlockHeader.Read(reader.Node("header"), reader.PathOf("header"), errors);
        var signature = reader.String("signature");
        var path = ReadProof(reader);
        return errors.Count == 0 ? new Receipt(tx!, (int)leafIndex!.Value, header!, signature!, path!) : null;
    }

    private static List<string>? ReadProof(JsonObjectReader reader)
    {
        var items = reader.Array("proof");
        if (items is null)
        {
            return null;
        }

        var hashes = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonValue value && value.TryGetValue<string>(out var hash) && LowercaseHex.IsSha256(hash))
            {
                hashes.Add(hash);
            }
            else
            {
                reader.AddAt($"{reader.PathOf("proof")}[{i}]", "must be a SHA-256 hash: 64 lowercase hex digits");
            }
        }

        return hashes;
    }
}
