using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

public sealed class BlockTests
{
    private static readonly BlockHeader Header = new(
        "assoc_riverside", 4, new string('a', 64), new string('b', 64), 2, new DateTimeOffset(2026, 3, 2, 21, 0, 0, TimeSpan.FromHours(1)), "kid-1");

    [Fact]
    public void HeaderToJson_HasExactlyTheSpecFields()
    {
        Assert.Equal(
            """{"chain":"assoc_riverside","height":4,"previousHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","merkleRoot":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","txCount":2,"sealedAt":"2026-03-02T20:00:00Z","kid":"kid-1"}""",
            Header.ToJson().ToJsonString());
    }

    [Fact]
    public void Hash_IsLowercaseHexSha256OfTheCanonicalHeader()
    {
        var canonical = """{"chain":"assoc_riverside","height":4,"kid":"kid-1","merkleRoot":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","previousHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","sealedAt":"2026-03-02T20:00:00Z","txCount":2}"""u8;

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(canonical)), Header.Hash());
        Assert.Equal(Header.Hash(), Convert.ToHexStringLower(Header.HashBytes()));
    }

    [Fact]
    public void GenesisPreviousHash_IsSixtyFourZeros() =>
        Assert.Equal(new string('0', 64), BlockHeader.GenesisPreviousHash);

    [Fact]
    public void HeaderFromJson_OfToJson_GivesAnEqualHeader() =>
        Assert.Equal(Header, BlockHeader.FromJson(Header.ToJson()).Value);

    [Theory]
    [InlineData("previousHash", "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"")]
    [InlineData("merkleRoot", "\"abc\"")]
    [InlineData("height", "-1")]
    [InlineData("height", "1.0")]
    [InlineData("txCount", "0")]
    [InlineData("sealedAt", "\"2026-03-02 20:00:00Z\"")]
    [InlineData("kid", "null")]
    public void HeaderFromJson_Malformed_NamesTheField(string field, string value)
    {
        var json = Header.ToJson();
        json[field] = JsonNode.Parse(value);

        Assert.Equal([field], BlockHeader.FromJson(json).Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task ExportLine_IsCanonicalJsonWithHeaderSignatureAndTransactions()
    {
        var block = (await SealedChainAsync())[0];

        var line = block.ToExportLine();

        Assert.Equal(["header", "signature", "transactions"], JsonNode.Parse(line)!.AsObject().Select(m => m.Key));
        Assert.Equal(Jcs.CanonicalizeToString(JsonNode.Parse(line)), line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public async Task FromExportLine_OfToExportLine_GivesAnEqualBlock()
    {
        var block = (await SealedChainAsync())[1];

        var read = Block.FromExportLine(block.ToExportLine());

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(block, read.Value);
    }

    [Theory]
    [InlineData("""{"header":{},"signature":"x","transactions":[]}""", "header.chain")]
    [InlineData("""not json""", "$")]
    [InlineData("""[1]""", "$")]
    [InlineData("""{"header":{},"header":{}}""", "$")]
    public void FromExportLine_Malformed_NamesTheFirstField(string line, string field) =>
        Assert.Equal(field, Block.FromExportLine(line).Errors[0].Field);

    /// <summary>
    /// Lines that parsing or the RFC 8785 check of the whole line refuses, wherever in the block the fault sits:
    /// each is refused at the line, with the parser's or canonicaliser's reason, not at a member.
    /// </summary>
    [Theory]
    [InlineData("{", "{\"signature\":\"x\",", "is not JSON: Duplicate property 'signature' encountered during deserialization.")]
    [InlineData("\"header\":{", "\"header\":{\"chain\":\"x\",", "is not JSON: Duplicate property 'chain' encountered during deserialization.")]
    [InlineData("\"transactions\":[{", "\"transactions\":[{\"type\":\"x\",", "is not JSON: Duplicate property 'type' encountered during deserialization.")]
    [InlineData("\"data\":{}", "\"data\":{\"a\":1,\"a\":2}", "is not JSON: Duplicate property 'a' encountered during deserialization.")]
    [InlineData("{", "{\"x\":1e400,", "cannot be written as RFC 8785 canonical JSON: JSON has no form for the number Infinity. (Parameter 'value')")]
    [InlineData("\"header\":{", "\"header\":{\"x\":1e400,", "cannot be written as RFC 8785 canonical JSON: JSON has no form for the number Infinity. (Parameter 'value')")]
    [InlineData("\"height\":1", "\"height\":1e400", "cannot be written as RFC 8785 canonical JSON: JSON has no form for the number Infinity. (Parameter 'value')")]
    [InlineData("\"transactions\":[{", "\"transactions\":[{\"x\":-1e400,", "cannot be written as RFC 8785 canonical JSON: JSON has no form for the number -Infinity. (Parameter 'value')")]
    [InlineData("\"data\":{}", "\"data\":{\"a\":1e400}", "cannot be written as RFC 8785 canonical JSON: JSON has no form for the number Infinity. (Parameter 'value')")]
    [InlineData("\"signature\":\"", "\"signature\":\"\\ud800", "cannot be written as RFC 8785 canonical JSON: A parsed JSON string is not valid UTF-16: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate. (Parameter 'value')")]
    [InlineData("\"actor\":\"", "\"actor\":\"\\udc00", "cannot be written as RFC 8785 canonical JSON: A parsed JSON string is not valid UTF-16: Cannot read invalid UTF-16 JSON text as string. Invalid surrogate value: '0xDC00'. (Parameter 'value')")]
    [InlineData("\"data\":{}", "\"data\":{\"a\":\"\\ud800\"}", "cannot be written as RFC 8785 canonical JSON: A parsed JSON string is not valid UTF-16: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate. (Parameter 'value')")]
    [InlineData("\"header\":{", "\"header\":{\"\\ud800\":1,", "is not JSON: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.")]
    [InlineData("\"data\":{}", "\"data\":{\"\\udc00\":1}", "is not JSON: Cannot read invalid UTF-16 JSON text as string. Invalid surrogate value: '0xDC00'.")]
    public async Task FromExportLine_DuplicatedOrNotCanonicalisable_IsRefusedAtTheLine(string first, string replacement, string message)
    {
        var line = (await SealedChainAsync())[1].ToExportLine();
        var at = line.IndexOf(first, StringComparison.Ordinal);
        var malformed = line[..at] + replacement + line[(at + first.Length)..];

        var read = Block.FromExportLine(malformed);

        Assert.Equal([("$", message)], read.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public async Task FromJson_SignatureNotRawSixtyFourBytes_IsRefused()
    {
        var json = (await SealedChainAsync())[0].ToJson();
        json["signature"] = Base64Url.EncodeToString(new byte[71]);

        Assert.Equal(["signature"], Block.FromJson(json).Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("ab")]
    public async Task FromExportLine_ASignatureWhoseLastCharacterHasSpareBitsSet_IsRefusedNotThrown(string appended)
    {
        // Three characters after the last whole group leave two spare bits; 'b' sets one. The decoder throws for it.
        var json = (await SealedChainAsync())[0].ToJson();
        json["signature"] = json["signature"]!.GetValue<string>() + appended;

        var read = Block.FromExportLine(json.ToJsonString());

        Assert.Equal(["signature"], read.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task FromJson_ABadTransaction_IsNamedByItsIndex()
    {
        var json = (await SealedChainAsync())[1].ToJson();
        json["transactions"]![2]!["eventId"] = "";

        Assert.Equal(["transactions[2].eventId"], Block.FromJson(json).Errors.Select(e => e.Field));
    }

    private static async Task<IReadOnlyList<Block>> SealedChainAsync()
    {
        using var key = ChainSamples.SigningKey();
        return await ChainSamples.SealAsync(key);
    }
}
