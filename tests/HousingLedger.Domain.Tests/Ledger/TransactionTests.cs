using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

public sealed class TransactionTests
{
    private const string CompletedJson = """
        {"type":"job.completed","chain":"assoc_riverside","eventId":"msg_complete_flat12","occurredAt":"2026-03-03T09:00:00Z",
         "recordedAt":"2026-03-03T09:00:01.25Z","actor":"supplier:sup_brightfix","subject":"job:job_flat12",
         "data":{"serialNumber":"BX-600-88231","photoHashes":["5d41402abc4b2a76b9719d911017c592ae1b2b0c6e0f2a4d3c8c1b0e5a7d6f4b"]}}
        """;

    [Fact]
    public void ToJson_HasExactlyTheSpecFieldsWithInstantsInTheirOneForm()
    {
        var json = ChainSamples.History()[1][1].ToJson();

        Assert.Equal(["type", "chain", "eventId", "occurredAt", "recordedAt", "actor", "subject", "data"], json.Select(m => m.Key));
        Assert.Equal("2026-03-03T09:00:00Z", (string?)json["occurredAt"]);
        Assert.Equal("2026-03-03T09:00:01.25Z", (string?)json["recordedAt"]);
    }

    [Fact]
    public void FromJson_OfToJson_GivesAnEqualTransaction()
    {
        var original = ChainSamples.History()[2][0];

        var read = LedgerTransaction.FromJson(original.ToJson());

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(original, read.Value);
        Assert.Equal(original.LeafHash(), read.Value.LeafHash());
    }

    [Fact]
    public void LeafHash_IsSha256OfZeroByteAndCanonicalJson()
    {
        var transaction = Read(CompletedJson);
        var canonical = Jcs.Canonicalize(transaction.ToJson());

        Assert.Equal(SHA256.HashData([0x00, .. canonical]), transaction.LeafHash());
        Assert.StartsWith("{\"actor\":\"supplier:sup_brightfix\",\"chain\":", Encoding.UTF8.GetString(canonical), StringComparison.Ordinal);
    }

    [Fact]
    public void LeafHash_IsTheSameWhateverOrderTheMembersCameIn()
    {
        var reordered = JsonNode.Parse(CompletedJson)!.AsObject();
        var shuffled = new JsonObject(reordered.Reverse().Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())));
        shuffled["data"] = new JsonObject
        {
            ["photoHashes"] = new JsonArray("5d41402abc4b2a76b9719d911017c592ae1b2b0c6e0f2a4d3c8c1b0e5a7d6f4b"),
            ["serialNumber"] = "BX-600-88231",
        };

        Assert.Equal(Convert.ToHexString(Read(CompletedJson).LeafHash()), Convert.ToHexString(Read(shuffled.ToJsonString()).LeafHash()));
    }

    [Fact]
    public void Data_IsACopy_SoChangingItLeavesTheTransactionAsHashed()
    {
        var transaction = Read(CompletedJson);
        var before = transaction.LeafHash();

        transaction.Data["serialNumber"] = "BX-600-99999";

        Assert.Equal("BX-600-88231", (string?)transaction.Data["serialNumber"]);
        Assert.Equal(before, transaction.LeafHash());
    }

    [Fact]
    public void Constructor_KeepsNoLinkToTheDataItWasGiven()
    {
        var data = new JsonObject { ["gross"] = 34500 };
        var transaction = new LedgerTransaction("job.settled", "assoc_riverside", "evt_1", ChainSamples.Monday, ChainSamples.Monday, "settlement:run_1", "job:job_1", data);

        data["gross"] = 1;

        Assert.Equal(34500, (int)transaction.Data["gross"]!);
    }

    [Theory]
    [InlineData("0.2")]
    [InlineData("1.5")]
    [InlineData("9007199254740992")]
    [InlineData("-9007199254740992")]
    [InlineData("1e300")]
    public void Constructor_WithANumberNoLedgerBodyHolds_IsAProgrammingError(string number)
    {
        var data = new JsonObject { ["rates"] = new JsonArray(JsonNode.Parse(number)) };

        var thrown = Assert.Throws<ArgumentException>(() =>
            new LedgerTransaction("job.settled", "assoc_riverside", "evt_1", ChainSamples.Monday, ChainSamples.Monday, "settlement:run_1", "job:job_1", data));
        Assert.Contains("data.rates[0]", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9007199254740991")]
    [InlineData("-9007199254740991")]
    [InlineData("0")]
    [InlineData("1E3")]
    public void Constructor_WithSafeWholeNumbers_Accepts(string number)
    {
        var data = new JsonObject { ["units"] = JsonNode.Parse(number) };

        var transaction = new LedgerTransaction("job.raised", "assoc_riverside", "evt_1", ChainSamples.Monday, ChainSamples.Monday, "association:assoc_riverside", "job:job_1", data);

        Assert.NotEmpty(transaction.LeafHash());
    }

    [Theory]
    [InlineData("""{"data":{"vatRate":0.2}}""", "data.vatRate")]
    [InlineData("""{"eventId":"evt 1"}""", "eventId")]
    [InlineData("""{"chain":"assoc/riverside"}""", "chain")]
    [InlineData("""{"occurredAt":"2026-03-03T09:00:00.000Z"}""", "occurredAt")]
    [InlineData("""{"recordedAt":"2026-03-03T10:00:00+01:00"}""", "recordedAt")]
    [InlineData("""{"type":""}""", "type")]
    [InlineData("""{"actor":7}""", "actor")]
    [InlineData("""{"data":[]}""", "data")]
    [InlineData("""{"memo":"hello"}""", "memo")]
    public void FromJson_Malformed_NamesTheField(string change, string field)
    {
        var json = JsonNode.Parse(CompletedJson)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject())
        {
            json[name] = value?.DeepClone();
        }

        var read = LedgerTransaction.FromJson(json);

        Assert.False(read.IsValid, $"{change} was accepted");
        Assert.Equal([field], read.Errors.Select(e => e.Field));
    }

    [Fact]
    public void FromJson_MissingMembers_NamesEachOne()
    {
        var json = JsonNode.Parse(CompletedJson)!.AsObject();
        json.Remove("subject");
        json.Remove("data");

        var read = LedgerTransaction.FromJson(json);

        Assert.Equal(
            [new FieldError("subject", "is required"), new FieldError("data", "is required")],
            read.Errors);
    }

    private static LedgerTransaction Read(string json) => LedgerTransaction.FromJson(JsonNode.Parse(json)!.AsObject()).Value;
}
