using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

/// <summary>
/// A sealed block: its header, the ES256 signature over the header's hash (raw <c>r‖s</c>, base64url without
/// padding) and its transactions in leaf order. Its JSON form is one line of a chain export:
/// <c>{"header": {…}, "signature": "…", "transactions": [tx, …]}</c>. Immutable and thread-safe. A block read
/// from JSON is well formed, not verified: <see cref="ChainVerifier"/> checks it against its chain.
/// </summary>
public sealed record Block
{
    private static readonly string[] MemberNames = ["header", "signature", "transactions"];

    private readonly LedgerTransaction[] transactions;

    /// <exception cref="ArgumentException">
    /// The signature is not 64 bytes in unpadded base64url, or there are no transactions.
    /// </exception>
    public Block(BlockHeader header, string signature, IEnumerable<LedgerTransaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(transactions);
        if (EcdsaSignature.FromBase64Url(signature) is null)
        {
            throw new ArgumentException($"'{signature}' is not an ES256 signature: 64 bytes r‖s in base64url without padding.", nameof(signature));
        }

        this.transactions = [.. transactions];
        if (this.transactions.Length == 0)
        {
            throw new ArgumentException("A block holds at least one transaction.", nameof(transactions));
        }

        Header = header;
        Signature = signature;
    }

    public BlockHeader Header { get; }

    /// <summary>ES256 over <see cref="BlockHeader.HashBytes"/>: raw <c>r‖s</c>, base64url without padding.</summary>
    public string Signature { get; }

    public IReadOnlyList<LedgerTransaction> Transactions => transactions;

    /// <summary>Reads a block in its export form; every member is required and no other is allowed.</summary>
    public static Validated<Block> FromJson(JsonObject json) =>
        LedgerDocument.Read(json, string.Empty, MemberNames, Read);

    /// <summary>
    /// Reads one line of a chain export. The text is read as its UTF-8 bytes, as the export carries it; a lone
    /// surrogate, which no UTF-8 export can hold, becomes U+FFFD and so changes what the line hashes to.
    /// </summary>
    public static Validated<Block> FromExportLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return FromExportLine(Encoding.UTF8.GetBytes(line));
    }

    /// <summary>Reads one line of a chain export from its UTF-8 bytes, without the newline. Bytes that are not UTF-8 are not JSON.</summary>
    public static Validated<Block> FromExportLine(ReadOnlySpan<byte> utf8Line) =>
        ReadWellFormed(utf8Line) ?? ReadAndNameTheFault(utf8Line);

    /// <summary>
    /// The block on a well-formed line, read straight from its parsed form; null when anything is wrong with it.
    /// This reads each member once where <see cref="FromJson"/> first canonicalises the whole block, and refuses
    /// everything that canonicalisation refuses: the parser refuses duplicate members; the members' reader refuses
    /// an unknown member (and so any number in it), a header number that is not a whole number, and a string with
    /// a lone surrogate; and each transaction's data is canonicalised as it is built.
    /// </summary>
    private static Validated<Block>? ReadWellFormed(ReadOnlySpan<byte> utf8Line)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Line.ToArray(), StrictJson.Options);
            var block = JsonObjectReader.Read(document.RootElement, string.Empty, JsonReadPolicy.Ledger, MemberNames, Read);
            return block.IsValid ? block : null;
        }
        catch (Exception malformed) when (malformed is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Reads a line as <see cref="FromJson"/> does, naming the first fault of a line that is not a well-formed block.</summary>
    private static Validated<Block> ReadAndNameTheFault(ReadOnlySpan<byte> utf8Line)
    {
        if (!StrictJson.TryParse(utf8Line, out var node, out var reason))
        {
            return Validated<Block>.Invalid("$", "is not JSON: " + reason);
        }

        return node is JsonObject json ? FromJson(json) : Validated<Block>.Invalid("$", "must be a JSON object");
    }

    /// <summary>The block's export form.</summary>
    public JsonObject ToJson() => new()
    {
        ["header"] = Header.ToJson(),
        ["signature"] = Signature,
        ["transactions"] = new JsonArray([.. transactions.Select(t => (JsonNode)t.ToJson())]),
    };

    /// <summary>The block as one line of a chain export: its JSON form in RFC 8785 canonical form.</summary>
    public string ToExportLine() => Jcs.CanonicalizeToString(ToJson());

    /// <summary>The leaf hashes of the block's transactions, in order.</summary>
    public IReadOnlyList<byte[]> LeafHashes() => [.. transactions.Select(t => t.LeafHash())];

    public bool Equals(Block? other) =>
        other is not null && Header == other.Header && Signature == other.Signature && transactions.SequenceEqual(other.transactions);

    public override int GetHashCode() => HashCode.Combine(Header, Signature, transactions.Length);

    private static Block? Read(JsonObjectReader reader)
    {
        var header = BlockHeader.Read(reader.Nested("header", BlockHeader.MemberNames));
        var signature = reader.String("signature");
        if (signature is not null && EcdsaSignature.FromBase64Url(signature) is null)
        {
            reader.Add("signature", "must be an ES256 signature: 64 bytes r‖s in base64url without padding");
        }

        var entries = reader.Entries("transactions", int.MaxValue, LedgerTransaction.MemberNames);
        var transactions = entries?.Select(LedgerTransaction.Read).ToList();
        return reader.IsValid ? new Block(header!, signature!, transactions!.Select(t => t!)) : null;
    }
}
