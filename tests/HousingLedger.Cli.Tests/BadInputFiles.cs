using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.Cli;

/// <summary>
/// Makes the files under testdata from the domain's golden chain, its keys and its checkpoints
/// (tests/HousingLedger.Domain.Tests/testdata): the good inputs, and each bad input an auditor may be handed,
/// named after what is wrong with it. Only the block re-signed by another key is signed afresh (ES256 is
/// randomised), so <see cref="BadInputFileTests"/> compares that file without its signatures.
/// </summary>
internal static class BadInputFiles
{
    public const string ResignedExport = "exports/resigned-by-unknown-key.jsonl";

    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every file by its path under testdata.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> AllAsync()
    {
        var valid = DomainFile("chains", "valid.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var blocks = valid.Select(line => Block.FromExportLine(line).Value).ToList();
        var leaves = blocks.SelectMany(b => b.LeafHashes()).ToList();
        var receipt = Receipt.For(blocks[1], 1);
        var consistency = Rfc6962.ConsistencyProof(leaves, blocks[0].Transactions.Count, leaves.Count);

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["jwks.json"] = DomainFile("chains", "jwks.json"),
            ["jwks-with-rsa-key.json"] = RsaKeySet(),
            ["exports/valid.jsonl"] = Lines(valid),
            ["exports/flipped-byte.jsonl"] = Lines(valid.Select((line, i) => i == 1 ? FlipByteOf(line, "88231") : line)),
            ["exports/removed-transaction.jsonl"] = Lines(valid.Select((line, i) => i == 1 ? RemoveTransaction(line, 1) : line)),
            ["exports/reordered-block.jsonl"] = Lines([valid[0], valid[2], valid[1]]),
            ["exports/forged-signature.jsonl"] = Lines([valid[0], valid[1], WithSignature(valid[2], blocks[1].Signature)]),
            [ResignedExport] = Lines([valid[0], valid[1], await ResignWithUnknownKeyAsync(blocks[2])]),
            ["exports/truncated.jsonl"] = Lines(valid)[..^100],
            ["exports/line-not-json.jsonl"] = Lines([valid[0], "<html><body>502 Bad Gateway</body></html>", valid[2]]),
            ["receipts/valid.json"] = Readably(receipt.ToJson()),
            ["receipts/wrong-proof.json"] = Readably(WithProof(receipt, LowercaseHexOf(leaves[0]))),
            ["checkpoints/valid.note"] = DomainFile("checkpoints", "valid.note"),
            ["checkpoints/first-block.note"] = DomainFile("checkpoints", "first-block.note"),
            ["checkpoints/other-chain.note"] = DomainFile("checkpoints", "wrong-origin.note"),
            ["consistency/2-to-7.json"] = Readably(ProofAnswer(2, 7, consistency)),
            ["consistency/2-to-7-wrong-hash.json"] = Readably(ProofAnswer(2, 7, [leaves[0], .. consistency.Skip(1)])),
            ["consistency/3-to-7.json"] = Readably(ProofAnswer(3, 7, Rfc6962.ConsistencyProof(leaves, 3, 7))),
        };
    }

    private static string DomainFile(params string[] parts) =>
        File.ReadAllText(SourceTree.PathOf(["tests", "HousingLedger.Domain.Tests", "testdata", .. parts]));

    private static string Lines(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));

    private static string Readably(JsonNode json) => json.ToJsonString(Readable) + "\n";

    private static string LowercaseHexOf(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>One bit of one byte changed, where <paramref name="near"/> first appears: the smallest tampering there is.</summary>
    private static string FlipByteOf(string line, string near)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var at = line.IndexOf(near, StringComparison.Ordinal) + 2;
        bytes[at] ^= 0x01;
        return Encoding.UTF8.GetString(bytes);
    }

    private static string RemoveTransaction(string line, int index)
    {
        var block = JsonNode.Parse(line)!.AsObject();
        block["transactions"]!.AsArray().RemoveAt(index);
        return Jcs.CanonicalizeToString(block);
    }

    /// <summary>Another block's genuine signature: by the right key, over the wrong header.</summary>
    private static string WithSignature(string line, string signature)
    {
        var block = JsonNode.Parse(line)!.AsObject();
        block["signature"] = signature;
        return Jcs.CanonicalizeToString(block);
    }

    /// <summary>The block as it would be if a key the JWKS does not publish had sealed it.</summary>
    private static async Task<string> ResignWithUnknownKeyAsync(Block block)
    {
        using var other = EcdsaSigningKey.FromPkcs8Pem(DomainFile("chains", "other-key.pem"));
        var h = block.Header;
        var header = new BlockHeader(h.Chain, h.Height, h.PreviousHash, h.MerkleRoot, h.TxCount, h.SealedAt, other.KeyId);
        var signature = await other.SignDigestAsync(header.HashBytes());
        return new Block(header, Base64Url.EncodeToString(signature), block.Transactions).ToExportLine();
    }

    private static JsonObject WithProof(Receipt receipt, string firstHash)
    {
        var json = receipt.ToJson();
        json["proof"]![0] = firstHash;
        return json;
    }

    private static JsonObject ProofAnswer(long from, long to, IEnumerable<byte[]> proof) => new()
    {
        ["chain"] = "assoc_riverside",
        ["from"] = from,
        ["to"] = to,
        ["proof"] = new JsonArray([.. proof.Select(hash => (JsonNode)LowercaseHexOf(hash))]),
    };

    /// <summary>A key set whose one key is RSA: well-formed JWK, but not a ledger key.</summary>
    private static string RsaKeySet()
    {
        var modulus = Enumerable.Range(0, 8).SelectMany(i => System.Security.Cryptography.SHA256.HashData([(byte)i])).ToArray();
        modulus[0] |= 0x80;
        return Readably(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["n"] = Base64Url.EncodeToString(modulus),
                ["e"] = "AQAB",
                ["kid"] = "rsa-2026",
            }),
        });
    }
}
