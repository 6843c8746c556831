using System.Text.Json;

namespace HousingLedger.Validation;

/// <summary>Opening objects: closed and extensible members, roots, nested paths and validity.</summary>
public sealed partial class JsonObjectReaderTests
{
    private static readonly string[] Ab = ["a", "b"];

    [Theory]
    [InlineData("ledger")]
    [InlineData("request")]
    public void Open_AClosedObject_RefusesEachMemberItDoesNotName(string policy)
    {
        var (_, errors) = Open("""{"a":1,"x":2,"b":3,"y":4}""", policy, Ab);

        Assert.Equal(
            ["x: is not a member of this object; expected only a, b", "y: is not a member of this object; expected only a, b"],
            Listed(errors));
    }

    [Theory]
    [InlineData("ledger")]
    [InlineData("request")]
    public void Open_AnExtensibleObject_IgnoresMembersItDoesNotName(string policy)
    {
        var (reader, errors) = Open("""{"a":"kept","use":"sig","alg":"ES256"}""", policy, members: null);

        Assert.Empty(errors);
        Assert.Equal("kept", reader.String("a"));
    }

    [Theory]
    [InlineData("ledger", """{"a":1,"a":2}""")]
    [InlineData("request", """{"a":1,"a":2}""")]
    [InlineData("request", """{"a":1,"b":2,"a":3}""")]
    public void Open_AMemberGivenTwice_IsRefusedAtThatMember(string policy, string json) =>
        Assert.Equal(["a: appears more than once"], Listed(Open(json, policy, Ab).Errors));

    [Fact]
    public void Open_AMemberGivenTwiceInAnExtensibleObject_IsRefusedToo() =>
        Assert.Equal(["x: appears more than once"], Listed(Open("""{"x":1,"x":2}""", "ledger", members: null).Errors));

    [Theory]
    [InlineData("request", "body")]
    [InlineData("ledger", "$")]
    public void Open_AMemberNameThatIsNotText_IsRefusedAtTheObject_AndLookingUpOtherMembersDoesNotThrow(string policy, string root)
    {
        var (reader, errors) = Open("""{"\ud800":1,"a":"kept"}""", policy, Ab);

        Assert.Null(reader.Element("b"));
        Assert.Equal([$"{root}: has a member name that is not valid Unicode text (an unpaired surrogate escape)"], Listed(errors));
    }

    [Theory]
    [InlineData("request", "[1,2]", "body: must be an object, not an array")]
    [InlineData("request", "\"terms\"", "body: must be an object, not a string")]
    [InlineData("request", "null", "body: must be an object, not null")]
    [InlineData("ledger", "7", "$: must be an object, not a number")]
    [InlineData("ledger", "true", "$: must be an object, not a boolean")]
    public void Open_ARootThatIsNotAnObject_IsNamedAsItsPolicyNamesTheRoot(string policy, string json, string expected)
    {
        var (reader, errors) = Open(json, policy, Ab);

        Assert.False(reader.IsObject);
        Assert.Equal([expected], Listed(errors));
    }

    [Fact]
    public void Open_AnObjectAtAPath_NamesItsMembersUnderThatPath()
    {
        var (reader, errors) = Open("""{"a":"","x":1}""", "request", Ab, path: "data");
        reader.String("a", 10);
        reader.String("b", 10);

        Assert.Equal(
            ["data.x: is not a member of this object; expected only a, b", "data.a: must be 1–10 characters with no control characters", "data.b: is required"],
            Listed(errors));
    }

    [Fact]
    public void Open_SomethingElseAtAPath_IsNamedByThePath() =>
        Assert.Equal(["bank: must be an object, not an array"], Listed(Open("""["123456"]""", "request", Ab, path: "bank").Errors));

    [Fact]
    public void Read_OfSomethingThatIsNotAnObject_FindsEveryMemberMissing()
    {
        var (reader, errors) = Open("[]", "request", Ab);

        Assert.Null(reader.String("a", 10));

        Assert.Equal(["body: must be an object, not an array", "a: is required"], Listed(errors));
    }

    [Fact]
    public void Nested_AnObjectMember_IsReadUnderItsNameIntoTheSameErrors()
    {
        var (reader, errors) = Open("""{"a":{"b":{"iban":"GB00"}}}""", "request", ["a"]);

        var inner = reader.Nested("a", ["b"])!.Nested("b", ["sortCode"]);

        Assert.NotNull(inner);
        Assert.Equal(["a.b.iban: is not a member of this object; expected only sortCode"], Listed(errors));
    }

    [Theory]
    [InlineData("""{}""", "a: is required")]
    [InlineData("""{"a":null}""", "a: is required")]
    [InlineData("""{"a":[]}""", "a: must be an object, not an array")]
    public void Nested_AMissingOrWrongMember_IsRefusedAndNotRead(string json, string expected)
    {
        var (reader, errors) = Open(json, "ledger", ["a"]);

        Assert.Null(reader.Nested("a", Ab));
        Assert.Equal([expected], Listed(errors));
    }

    [Fact]
    public void Entries_OfObjects_AreEachReadUnderTheirIndex()
    {
        var (reader, errors) = Open("""{"items":[{"code":"A"},"B",{"colour":"red"}]}""", "request", ["items"]);

        var entries = reader.Entries("items", 3, ["code"])!;
        entries[2]?.String("code", 10);

        Assert.Equal([true, false, true], entries.Select(entry => entry is not null));
        Assert.Equal(
            ["items[1]: must be an object, not a string", "items[2].colour: is not a member of this object; expected only code", "items[2].code: is required"],
            Listed(errors));
    }

    [Theory]
    [InlineData("""{"items":[]}""", 3, "items: must hold 1 to 3 entries; found 0")]
    [InlineData("""{"items":[{},{},{},{}]}""", 3, "items: must hold 1 to 3 entries; found 4")]
    [InlineData("""{"items":[]}""", int.MaxValue, "items: must hold at least one entry; found 0")]
    [InlineData("""{"items":{}}""", 3, "items: must be an array, not an object")]
    [InlineData("""{}""", 3, "items: is required")]
    public void Entries_OutsideTheirCountOrNotAnArray_AreRefusedAsAWhole(string json, int maxCount, string expected)
    {
        var (reader, errors) = Open(json, "request", ["items"]);

        Assert.Null(reader.Entries("items", maxCount, Ab));
        Assert.Equal([expected], Listed(errors));
    }

    [Fact]
    public void IsValid_CountsOnlyWhatWasReportedSinceTheObjectWasOpened()
    {
        var errors = new List<FieldError> { new("earlier", "was reported before") };
        var reader = JsonObjectReader.Open(Json("""{"a":{"b":"x"}}"""), string.Empty, errors, JsonReadPolicy.Request, ["a"]);
        Assert.True(reader.IsValid, "an error reported before the object was opened made it invalid");

        var nested = reader.Nested("a", ["b"])!;
        nested.Integer("b", 0, 9);

        Assert.False(nested.IsValid);
        Assert.False(reader.IsValid, "an error in a nested object left its parent valid");
        Assert.Equal(2, reader.Errors.Count);
    }

    [Fact]
    public void Read_GivesTheValue_OnlyWhenNothingWasReported()
    {
        var accepted = JsonObjectReader.Read(Json("""{"a":"x"}"""), string.Empty, JsonReadPolicy.Request, Ab, reader => reader.String("a", 5));
        var refused = JsonObjectReader.Read(Json("""{"a":"x","c":1}"""), string.Empty, JsonReadPolicy.Request, Ab, reader => reader.String("a", 5));

        Assert.Equal("x", accepted.Value);
        Assert.Equal(["c"], refused.Errors.Select(error => error.Field));
    }

    [Fact]
    public void Read_OfSomethingThatIsNotAnObject_NeverCallsTheReader() =>
        Assert.Equal(
            ["data: must be an object, not an array"],
            Listed(JsonObjectReader.Read<string>(Json("[]"), "data", JsonReadPolicy.Request, Ab, _ => throw new InvalidOperationException("read")).Errors));

    private static JsonReadPolicy Policy(string name) => name == "ledger" ? JsonReadPolicy.Ledger : JsonReadPolicy.Request;

    private static (JsonObjectReader Reader, List<FieldError> Errors) Open(string json, string policy, string[]? members, string path = "")
    {
        var errors = new List<FieldError>();
        return (JsonObjectReader.Open(Json(json), path, errors, Policy(policy), members), errors);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string[] Listed(IEnumerable<FieldError> errors) => [.. errors.Select(error => $"{error.Field}: {error.Message}")];
}
