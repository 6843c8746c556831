using System.Text.Json;

namespace HousingLedger.Validation;

/// <summary>Reading values: kinds, absence, text, ids, whole numbers, instants and choices, under each policy.</summary>
public sealed partial class JsonObjectReaderTests
{
    private static readonly string[] A = ["a"];

    [Theory]
    [InlineData("7", "a: must be a string, not a number")]
    [InlineData("true", "a: must be a string, not a boolean")]
    [InlineData("[]", "a: must be a string, not an array")]
    [InlineData("{}", "a: must be a string, not an object")]
    [InlineData("null", "a: is required")]
    public void Text_OfAnotherKind_SaysWhatWasFound(string value, string expected)
    {
        var (reader, errors) = Open($$"""{"a":{{value}}}""", "request", A);

        Assert.Null(reader.Text("a"));
        Assert.Equal([expected], Listed(errors));
    }

    [Theory]
    [InlineData("ledger", """{}""")]
    [InlineData("request", """{"a":null}""")]
    public void AnOptionalMember_AbsentOrNull_IsNullWithNoError(string policy, string json)
    {
        var (reader, errors) = Open(json, policy, A);

        Assert.Null(reader.String("a", 10, required: false));
        Assert.Null(reader.Integer("a", 0, 9, required: false));
        Assert.Null(reader.Instant("a", required: false));
        Assert.Null(reader.Object("a", required: false));
        Assert.Empty(errors);
    }

    [Fact]
    public void Text_WithAnUnpairedSurrogateEscape_IsNotText()
    {
        var (reader, errors) = Open("""{"a":"oven \ud800"}""", "request", A);

        Assert.Null(reader.Text("a"));
        Assert.Equal(["a: must be valid Unicode text (it holds an unpaired surrogate escape)"], Listed(errors));
    }

    [Theory]
    [InlineData("O", true)]
    [InlineData("Ovens", true)]
    [InlineData("Ovens!", false)]
    [InlineData("", false)]
    [InlineData("Ov\nen", false)]
    [InlineData("Ov\u0007n", false)]
    public void String_InARequest_Is1ToMaxLengthCharactersWithNoControlCharacters(string text, bool accepted)
    {
        var (reader, errors) = Open(JsonSerializer.Serialize(new { a = text }), "request", A);

        Assert.Equal(accepted ? text : null, reader.String("a", 5));
        Assert.Equal(accepted ? [] : ["a: must be 1–5 characters with no control characters"], Listed(errors));
    }

    [Theory]
    [InlineData("job.completed")]
    [InlineData("line one\nline two")]
    public void String_InALedgerDocument_IsAnyNonEmptyText(string text)
    {
        var (reader, errors) = Open(JsonSerializer.Serialize(new { a = text }), "ledger", A);

        Assert.Equal(text, reader.String("a"));
        Assert.Empty(errors);
    }

    [Fact]
    public void String_InALedgerDocument_HasNoLengthLimit()
    {
        var text = new string('k', 10_000);

        Assert.Equal(text, Open(JsonSerializer.Serialize(new { a = text }), "ledger", A).Reader.String("a"));
    }

    [Fact]
    public void String_InALedgerDocument_MustNotBeEmpty()
    {
        var (reader, errors) = Open("""{"a":""}""", "ledger", A);

        Assert.Null(reader.String("a"));
        Assert.Equal(["a: must be a non-empty string"], Listed(errors));
    }

    [Theory]
    [InlineData("ledger", "evt 1")]
    [InlineData("ledger", "")]
    [InlineData("request", "_job")]
    [InlineData("request", "job/1")]
    public void Identifier_BreakingTheIdRule_IsRefusedWithTheRule(string policy, string id)
    {
        var (reader, errors) = Open(JsonSerializer.Serialize(new { a = id }), policy, A);

        Assert.Null(reader.Identifier("a"));
        Assert.Equal(["a: must be 1–64 characters of A–Z, a–z, 0–9, '_' and '-', starting with a letter or digit"], Listed(errors));
    }

    [Fact]
    public void Identifier_Of64Characters_IsAcceptedAnd65Refused()
    {
        Assert.NotNull(Open($$"""{"a":"{{new string('j', 64)}}"}""", "request", A).Reader.Identifier("a"));
        Assert.Null(Open($$"""{"a":"{{new string('j', 65)}}"}""", "request", A).Reader.Identifier("a"));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("10", 10L)]
    [InlineData("-0", 0L)]
    [InlineData("-1", null)]
    [InlineData("11", null)]
    [InlineData("1.0", null)]
    [InlineData("1e1", null)]
    [InlineData("\"5\"", null)]
    [InlineData("true", null)]
    public void Integer_InARange_IsAWholeNumberWrittenWithoutFractionOrExponent(string value, long? expected)
    {
        var (reader, errors) = Open($$"""{"a":{{value}}}""", "request", A);

        Assert.Equal(expected, reader.Integer("a", 0, 10));
        Assert.Equal(expected is null ? ["a: must be a whole number from 0 to 10, written without fraction or exponent"] : [], Listed(errors));
    }

    [Theory]
    [InlineData("9223372036854775807", 9223372036854775807L)]
    [InlineData("9223372036854775808", null)]
    [InlineData("0", null)]
    public void Integer_WithNoUpperLimit_IsAWholeNumberOfAtLeastTheMinimum(string value, long? expected)
    {
        var (reader, errors) = Open($$"""{"a":{{value}}}""", "ledger", A);

        Assert.Equal(expected, reader.Integer("a", 1));
        Assert.Equal(expected is null ? ["a: must be a whole number of at least 1, written without fraction or exponent"] : [], Listed(errors));
    }

    [Theory]
    [InlineData("ledger")]
    [InlineData("request")]
    public void Integer_Missing_IsRequired(string policy)
    {
        var (reader, errors) = Open("{}", policy, A);

        Assert.Null(reader.Integer("a", 0, 1));
        Assert.Equal(["a: is required"], Listed(errors));
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00.25Z")]
    public void Instant_InItsOneWrittenForm_IsTakenUnderEitherPolicy(string text)
    {
        var expected = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddMilliseconds(text.Contains(".25", StringComparison.Ordinal) ? 250 : 0);

        Assert.Equal(expected, Open($$"""{"a":"{{text}}"}""", "ledger", A).Reader.Instant("a"));
        Assert.Equal(expected, Open($$"""{"a":"{{text}}"}""", "request", A).Reader.Instant("a"));
    }

    [Theory]
    [InlineData("2026-03-01T10:00Z")]
    [InlineData("2026-03-01T10:00:00+00:00")]
    [InlineData("2026-03-01T10:00:00.250Z")]
    public void Instant_InAnotherUtcForm_IsTakenFromAClientButNotFromTheLedger(string text)
    {
        var (ledger, ledgerErrors) = Open($$"""{"a":"{{text}}"}""", "ledger", A);
        var (request, requestErrors) = Open($$"""{"a":"{{text}}"}""", "request", A);

        Assert.Null(ledger.Instant("a"));
        Assert.Equal(["a: must be a UTC instant in its one written form, e.g. 2026-03-01T10:00:00Z or 2026-03-01T10:00:00.25Z"], Listed(ledgerErrors));
        Assert.NotNull(request.Instant("a"));
        Assert.Empty(requestErrors);
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00")]
    [InlineData("2026-03-01T11:00:00+01:00")]
    [InlineData("")]
    public void Instant_ThatIsNoUtcInstant_IsRefusedFromAClient(string text)
    {
        var (reader, errors) = Open($$"""{"a":"{{text}}"}""", "request", A);

        Assert.Null(reader.Instant("a"));
        Assert.Equal(["a: must be an ISO 8601 UTC instant such as 2026-03-01T09:30:00Z"], Listed(errors));
    }

    [Theory]
    [InlineData("urgent", true)]
    [InlineData("Urgent", false)]
    [InlineData("", false)]
    public void OneOf_TakesOnlyAWordOfTheSet(string text, bool accepted)
    {
        var (reader, errors) = Open($$"""{"a":"{{text}}"}""", "request", A);

        Assert.Equal(accepted ? text : null, reader.OneOf("a", ["emergency", "urgent", "routine"]));
        Assert.Equal(accepted ? [] : ["a: must be one of emergency, urgent, routine"], Listed(errors));
    }

    [Fact]
    public void ObjectAndArray_OfAnotherKind_SayWhatWasFound()
    {
        var (reader, errors) = Open("""{"a":[1],"b":{"c":1}}""", "request", Ab);

        Assert.Null(reader.Object("a"));
        Assert.Null(reader.Array("b"));
        Assert.Equal(["a: must be an object, not an array", "b: must be an array, not an object"], Listed(errors));
    }
}
