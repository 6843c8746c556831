using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

/// <summary>Ledger documents reach the reader only when RFC 8785 can write them, and as they were written.</summary>
public sealed class LedgerDocumentTests
{
    private static readonly string[] Members = ["a", "h"];

    public static TheoryData<string, Func<JsonNode>> Unwritable => new()
    {
        { "a lone surrogate parsed from an escape", () => JsonNode.Parse("""{"a":"repair \udead done"}""")! },
        { "a lone surrogate built in code", () => new JsonObject { ["a"] = "repair \uD800 done" } },
        { "a member named twice", () => JsonNode.Parse("""{"a":1,"a":2}""")! },
        { "a number no double holds", () => JsonNode.Parse("""{"a":1e400}""")! },
        { "a decimal a double would round", () => new JsonObject { ["a"] = 1234567890.123456789m } },
        { "a clock value rather than text", () => new JsonObject { ["a"] = JsonValue.Create(new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc)) } },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void Read_ADocumentJcsCannotWrite_IsRefusedAsAWholeAndNotRead(string why, Func<JsonNode> document)
    {
        var read = LedgerDocument.Read<string>(document(), string.Empty, Members, _ => throw new InvalidOperationException("read"));

        var error = Assert.Single(read.Errors);
        Assert.Equal("$", error.Field);
        Assert.StartsWith("cannot be written as RFC 8785 canonical JSON: ", error.Message, StringComparison.Ordinal);
        Assert.False(read.IsValid, why);
    }

    [Fact]
    public void Read_AnUnwritableDocumentAtAPath_IsNamedByThePath() =>
        Assert.Equal(
            ["keys[1]"],
            LedgerDocument.Read(JsonNode.Parse("""{"kid":"\ud800"}"""), "keys[1]", null, reader => reader.String("kid")).Errors.Select(e => e.Field));

    [Theory]
    [InlineData("[]", "$: must be an object, not an array")]
    [InlineData("null", "$: must be an object, not null")]
    public void Read_SomethingThatIsNotAnObject_IsRefusedAtTheRoot(string json, string expected) =>
        Assert.Equal(
            [expected],
            LedgerDocument.Read(JsonNode.Parse(json), string.Empty, Members, reader => reader.String("a")).Errors.Select(e => $"{e.Field}: {e.Message}"));

    [Fact]
    public void Read_AMemberTheFormatDoesNotName_IsRefused_AsItWouldBeDroppedFromTheHash()
    {
        var read = LedgerDocument.Read(new JsonObject { ["a"] = "x", ["memo"] = "hello" }, string.Empty, Members, reader => reader.String("a"));

        Assert.Equal([new FieldError("memo", "is not a member of this object; expected only a, h")], read.Errors);
    }

    [Fact]
    public void Read_AnExtensibleDocument_TakesMembersItDoesNotName() =>
        Assert.Equal("x", LedgerDocument.Read(new JsonObject { ["a"] = "x", ["use"] = "sig" }, string.Empty, null, reader => reader.String("a")).Value);

    [Theory]
    [InlineData("""{"a":1.0}""")]
    [InlineData("""{"a":1E0}""")]
    public void Read_NumbersAsWritten_SoAWholeNumberWithAFractionIsRefused(string json)
    {
        var read = LedgerDocument.Read(JsonNode.Parse(json), string.Empty, Members, reader => reader.Integer("a", 0)?.ToString());

        Assert.Equal(["a"], read.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Read_NumbersBuiltInCode_AreWholeNumbers() =>
        Assert.Equal("7", LedgerDocument.Read(new JsonObject { ["a"] = 7 }, string.Empty, Members, reader => reader.Integer("a", 0)?.ToString()).Value);

    [Theory]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true)]
    [InlineData("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", false)]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0", false)]
    [InlineData("", false)]
    public void Hash_IsSha256In64LowercaseHexDigits(string hash, bool accepted)
    {
        var read = LedgerDocument.Read(new JsonObject { ["h"] = hash }, string.Empty, Members, reader => reader.Hash("h"));

        Assert.Equal(accepted ? [] : ["h: must be a SHA-256 hash: 64 lowercase hex digits"], read.Errors.Select(e => $"{e.Field}: {e.Message}"));
    }
}
