using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;

namespace HousingLedger.Ledger;

public sealed class JcsTests
{
    [Fact]
    public void Canonicalize_NullNode_IsTheNullLiteral() =>
        Assert.Equal("null", Jcs.CanonicalizeToString(null));

    [Fact]
    public void Canonicalize_ObjectBuiltInCode_SortsMembersAndDropsWhitespace()
    {
        var transaction = new JsonObject
        {
            ["type"] = "job.completed",
            ["amountPence"] = JsonValue.Create(125_000L),
            ["vatRate"] = JsonValue.Create(0.20m),
            ["approved"] = true,
            ["note"] = null,
            ["lines"] = new JsonArray(1, 2.5, "three"),
        };

        Assert.Equal(
            """{"amountPence":125000,"approved":true,"lines":[1,2.5,"three"],"note":null,"type":"job.completed","vatRate":0.2}""",
            Jcs.CanonicalizeToString(transaction));
    }

    [Fact]
    public void Canonicalize_Bytes_AreTheUtf8OfTheString()
    {
        var node = new JsonObject { ["street"] = "Rue de l'Église", ["emoji"] = "\U0001F3E0" };

        Assert.Equal(Encoding.UTF8.GetBytes(Jcs.CanonicalizeToString(node)), Jcs.Canonicalize(node));
    }

    [Fact]
    public void Canonicalize_NonAsciiNames_SortByUtf16CodeUnitsNotCodePoints()
    {
        // U+1F600 is D83D DE00 in UTF-16, so it sorts before U+FB33 although its code point is larger.
        var node = new JsonObject { ["\uFB33"] = 3, ["\U0001F600"] = 2, ["\u20AC"] = 1, ["\u00F6"] = 0 };

        Assert.Equal("{\"\u00F6\":0,\"\u20AC\":1,\"\U0001F600\":2,\"\uFB33\":3}", Jcs.CanonicalizeToString(node));
    }

    [Theory]
    [InlineData('\u0000', "\\u0000")]
    [InlineData('\u0007', "\\u0007")]
    [InlineData('\b', "\\b")]
    [InlineData('\t', "\\t")]
    [InlineData('\n', "\\n")]
    [InlineData('\u000B', "\\u000b")]
    [InlineData('\f', "\\f")]
    [InlineData('\r', "\\r")]
    [InlineData('\u001F', "\\u001f")]
    [InlineData('"', "\\\"")]
    [InlineData('\\', "\\\\")]
    [InlineData('/', "/")]
    [InlineData('\u007F', "\u007F")]
    [InlineData('\u00E9', "\u00E9")]
    [InlineData('\u2028', "\u2028")]
    public void Canonicalize_StringCharacter_IsEscapedOnlyWhenJsonRequiresIt(char character, string written) =>
        Assert.Equal("\"" + written + "\"", Jcs.CanonicalizeToString(JsonValue.Create(character.ToString())));

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-42L, "-42")]
    [InlineData(9_007_199_254_740_992L, "9007199254740992")]
    [InlineData(1_000_000_000_000_000_000L, "1000000000000000000")]
    public void Canonicalize_LongBuiltInCode_WritesItsDigits(long pence, string written) =>
        Assert.Equal(written, Jcs.CanonicalizeToString(JsonValue.Create(pence)));

    [Theory]
    [InlineData("12.50", "12.5")]
    [InlineData("0.1", "0.1")]
    [InlineData("-0.000001", "-0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("0", "0")]
    public void Canonicalize_DecimalBuiltInCode_WritesTheEcmaScriptForm(string amount, string written) =>
        Assert.Equal(written, Jcs.CanonicalizeToString(JsonValue.Create(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Canonicalize_LongBeyondDoublePrecision_IsRefusedNotRounded()
    {
        var refused = Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(JsonValue.Create(9_007_199_254_740_993L)));

        Assert.Contains("9007199254740993", refused.Message, StringComparison.Ordinal);
        Assert.Contains("9007199254740992", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_DecimalBeyondDoublePrecision_IsRefusedNotRounded() =>
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(JsonValue.Create(1234567890.123456789m)));

    [Fact]
    public void Canonicalize_ParsedNumberBeyondDoublePrecision_IsTheNearestDoubleAsRfc8785Requires() =>
        Assert.Equal("[9007199254740992,333333333.3333333]", Jcs.CanonicalizeToString(JsonNode.Parse("[9007199254740993, 333333333.33333329]")));

    [Fact]
    public void Canonicalize_ParsedNumberTooLargeForADouble_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(JsonNode.Parse("[1e400]")));

    [Fact]
    public void Canonicalize_DateTimeValue_IsRefusedBecauseItsTextIsNotFixed()
    {
        var refused = Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(new JsonObject { ["sealedAt"] = JsonValue.Create(new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc)) }));

        Assert.Contains("DateTime", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_LoneSurrogateBuiltInCode_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(JsonValue.Create("repair \uD800 done")));

    [Fact]
    public void Canonicalize_LoneSurrogateEscapeInParsedText_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Jcs.Canonicalize(JsonNode.Parse("""{"note":"\udead"}""")));

    [Fact]
    public void Parse_NamesThatDifferOnlyInEscaping_AreDuplicatesAndRefusedBeforeCanonicalizing() =>
        Assert.Throws<ArgumentException>(() => JsonNode.Parse("""{"a":1,"\u0061":2}""")!.AsObject().Count);

    [Property]
    public void Canonicalize_AnyObjectOfDistinctNames_ParsesBackToTheSameMembersWithoutDuplicates(NonNull<string>[] names, int[] values)
    {
        var members = names.Select(n => n.Get).Where(IsWellFormedUtf16).Distinct(StringComparer.Ordinal).Zip(values).ToList();
        var node = new JsonObject(members.Select(m => KeyValuePair.Create(m.First, (JsonNode?)m.Second)));

        var canonical = Jcs.Canonicalize(node);
        using var reparsed = JsonDocument.Parse(canonical, new JsonDocumentOptions { AllowDuplicateProperties = false });

        var written = reparsed.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList();
        Assert.Equal(members.OrderBy(m => m.First, StringComparer.Ordinal).Select(m => (m.First, m.Second)), written);
        Assert.Equal(canonical, Jcs.Canonicalize(JsonNode.Parse(canonical)));
    }

    [Property]
    public void Canonicalize_AnyFiniteDouble_RoundTripsToTheSameDouble(NormalFloat number)
    {
        var canonical = Jcs.CanonicalizeToString(JsonValue.Create(number.Get));

        Assert.Equal(number.Get, double.Parse(canonical, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool IsWellFormedUtf16(string text) =>
        System.Text.Unicode.Utf8.FromUtf16(text, new byte[text.Length * 3], out _, out _, replaceInvalidSequences: false) == OperationStatus.Done;
}
