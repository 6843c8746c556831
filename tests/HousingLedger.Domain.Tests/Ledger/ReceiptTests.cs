using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

public sealed class ReceiptTests
{
    [Fact]
    public async Task For_EveryTransactionOfABlock_GivesAReceiptThatVerifies()
    {
        var block = await FiveTransactionBlockAsync();

        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var verification = ReceiptVerifier.Verify(Receipt.For(block, i), ChainSamples.PublishedKeys().Find);
            Assert.True(verification.Valid, $"receipt {i}: {verification.Reason}");
        }
    }

    [Fact]
    public async Task For_HoldsTheTransactionHeaderSignatureAndAuditPath()
    {
        var block = await FiveTransactionBlockAsync();

        var receipt = Receipt.For(block, 4);

        Assert.Equal((block.Transactions[4], 4, block.Header, block.Signature), (receipt.Tx, receipt.LeafIndex, receipt.Header, receipt.Signature));
        Assert.Equal(Rfc6962.InclusionProof(block.LeafHashes(), 4).Select(Convert.ToHexStringLower), receipt.Proof);
    }

    [Fact]
    public async Task ToJson_HasTheReceiptRouteFields_AndReadsBackEqual()
    {
        var receipt = Receipt.For(await FiveTransactionBlockAsync(), 2);

        var json = receipt.ToJson();

        Assert.Equal(["tx", "leafIndex", "header", "signature", "proof"], json.Select(m => m.Key));
        Assert.Equal(receipt, Receipt.FromJson(JsonNode.Parse(json.ToJsonString())!.AsObject()).Value);
    }

    [Theory]
    [InlineData("tx-data", "inclusion proof: the leaf hash and proof do not lead to header.merkleRoot")]
    [InlineData("leaf-index", "inclusion proof: the leaf hash and proof do not lead to header.merkleRoot")]
    [InlineData("leaf-index-beyond-block", "inclusion proof: the proof cannot be an inclusion proof")]
    [InlineData("proof-hash", "inclusion proof: the leaf hash and proof do not lead to header.merkleRoot")]
    [InlineData("proof-truncated", "inclusion proof: the proof cannot be an inclusion proof")]
    [InlineData("header-merkle-root", "inclusion proof: the leaf hash and proof do not lead to header.merkleRoot")]
    [InlineData("header-sealed-at", "signature: expected an ES256 signature by key")]
    [InlineData("header-kid", "kid: expected a published signing key, found 'retired-key'")]
    [InlineData("header-chain", "tx.chain: expected 'assoc_elsewhere' (the header's chain), found 'assoc_riverside'")]
    [InlineData("signature", "signature: expected an ES256 signature by key")]
    [InlineData("signature-malformed", "signature: expected 64 bytes r‖s in base64url without padding")]
    public async Task Verify_AlteredReceipt_FailsNamingTheStep(string alteration, string reasonStart)
    {
        var json = Receipt.For(await FiveTransactionBlockAsync(), 2).ToJson();
        Alter(json, alteration);

        var verification = ReceiptVerifier.Verify(Receipt.FromJson(json).Value, ChainSamples.PublishedKeys().Find);

        Assert.False(verification.Valid, $"a receipt with its {alteration} altered verified");
        Assert.StartsWith(reasonStart, verification.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proof", "[\"ABC\"]", "proof[0]")]
    [InlineData("leafIndex", "-1", "leafIndex")]
    [InlineData("tx", "{}", "tx.type")]
    [InlineData("header", "7", "header")]
    public async Task FromJson_Malformed_NamesTheField(string member, string value, string field)
    {
        var json = Receipt.For(await FiveTransactionBlockAsync(), 0).ToJson();
        json[member] = JsonNode.Parse(value);

        Assert.Equal(field, Receipt.FromJson(json).Errors[0].Field);
    }

    private static void Alter(JsonObject receipt, string alteration)
    {
        var header = receipt["header"]!.AsObject();
        var proof = receipt["proof"]!.AsArray();
        switch (alteration)
        {
            case "tx-data": receipt["tx"]!["data"] = new JsonObject { ["payable"] = 99 }; break;
            case "leaf-index": receipt["leafIndex"] = 3; break;
            case "leaf-index-beyond-block": receipt["leafIndex"] = 5; break;
            case "proof-hash": proof[0] = new string('0', 64); break;
            case "proof-truncated": proof.RemoveAt(proof.Count - 1); break;
            case "header-merkle-root": header["merkleRoot"] = new string('0', 64); break;
            case "header-sealed-at": header["sealedAt"] = "2026-03-02T21:00:01Z"; break;
            case "header-kid": header["kid"] = "retired-key"; break;
            case "header-chain": header["chain"] = "assoc_elsewhere"; break;
            case "signature": receipt["signature"] = FlipFirstBit((string)receipt["signature"]!); break;
            case "signature-malformed": receipt["signature"] = "c2lnbmF0dXJl"; break;
            default: throw new ArgumentException(alteration, nameof(alteration));
        }
    }

    private static string FlipFirstBit(string signature)
    {
        var raw = Base64Url.DecodeFromChars(signature);
        raw[0] ^= 0x80;
        return Base64Url.EncodeToString(raw);
    }

    /// <summary>Five transactions, so audit paths differ in length (the tree is not perfect).</summary>
    private static async Task<Block> FiveTransactionBlockAsync()
    {
        using var key = ChainSamples.SigningKey();
        return await BlockSealer.SealAsync(ChainSamples.Chain, null, [.. ChainSamples.History()[0], .. ChainSamples.History()[1]], ChainSamples.Monday.AddHours(12), key);
    }
}
