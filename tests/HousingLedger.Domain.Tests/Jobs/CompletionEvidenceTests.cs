using System.Text.Json;
using HousingLedger.Ledger;
using static HousingLedger.Contracts.ValidatedAssert;

namespace HousingLedger.Jobs;

public sealed class CompletionEvidenceTests
{
    private const string PhotoA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string PhotoB = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    [Fact]
    public void Parse_EveryField_IsRead()
    {
        var evidence = Parse($$"""{"serialNumber": "BEKO-BIF22300X-0042", "photoSha256": ["{{PhotoA}}", "{{PhotoB}}"], "notes": "Old oven removed.\nTenant shown controls."}""");

        Accepted(evidence);
        Assert.Equal("BEKO-BIF22300X-0042", evidence.Value.SerialNumber);
        Assert.Equal([PhotoA, PhotoB], evidence.Value.PhotoSha256);
        Assert.Equal("Old oven removed.\nTenant shown controls.", evidence.Value.Notes);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"serialNumber": null, "photoSha256": null, "notes": null}""")]
    public void Parse_NoEvidence_IsEvidenceOfNothing(string data)
    {
        var evidence = Parse(data).Value;

        Assert.Equal((null, 0, null), (evidence.SerialNumber, evidence.PhotoSha256.Count, evidence.Notes));
    }

    [Fact]
    public void Parse_AbsentData_IsEvidenceOfNothing() =>
        Assert.Empty(CompletionEvidence.Parse(default).Value.PhotoSha256);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"fitted\"")]
    public void Parse_DataThatIsNotAnObject_IsRefused(string data) =>
        RefusedAt(Parse(data), "data");

    [Theory]
    [InlineData("tenantName")]
    [InlineData("tenantPhone")]
    [InlineData("address")]
    [InlineData("SerialNumber")]
    public void Parse_AnyOtherField_IsRefused_SoNoPersonalDataReachesTheLedger(string field) =>
        RefusedAt(Parse($$"""{"{{field}}": "x"}"""), "data." + field);

    [Fact]
    public void Parse_ASerialNumberOf100Characters_IsAcceptedAnd101Refused()
    {
        Accepted(Parse($$"""{"serialNumber": "{{new string('S', 100)}}"}"""));
        RefusedAt(Parse($$"""{"serialNumber": "{{new string('S', 101)}}"}"""), "data.serialNumber");
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"SN\\n42\"")]
    [InlineData("\"SN\\u000042\"")]
    [InlineData("42")]
    public void Parse_AnEmptyControlOrNumericSerialNumber_IsRefused(string serialNumber) =>
        RefusedAt(Parse($$"""{"serialNumber": {{serialNumber}}}"""), "data.serialNumber");

    [Fact]
    public void Parse_TwentyPhotos_AreAcceptedAndTwentyOneRefused()
    {
        Assert.Equal(20, Parse(Photos(20)).Value.PhotoSha256.Count);
        RefusedAt(Parse(Photos(21)), "data.photoSha256");
    }

    [Theory]
    [InlineData("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a088")]
    [InlineData("9g86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("\\u0039f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    public void Parse_APhotoHashThatIsNot64LowerCaseHexDigits_IsRefusedAtItsIndex(string hash) =>
        RefusedAt(Parse($$"""{"photoSha256": ["{{PhotoA}}", "{{hash}}"]}"""), "data.photoSha256[1]", "64 lower-case hex digits");

    [Theory]
    [InlineData($"\"{PhotoA}\"")]
    [InlineData("{}")]
    public void Parse_PhotosThatAreNotAnArray_AreRefused(string photos) =>
        RefusedAt(Parse($$"""{"photoSha256": {{photos}}}"""), "data.photoSha256");

    [Fact]
    public void Parse_APhotoHashThatIsNotAString_IsRefusedAtItsIndex() =>
        RefusedAt(Parse("""{"photoSha256": [42]}"""), "data.photoSha256[0]");

    [Fact]
    public void Parse_NotesOf2000Characters_AreAcceptedAnd2001Refused()
    {
        Accepted(Parse($$"""{"notes": "{{new string('n', 2000)}}"}"""));
        RefusedAt(Parse($$"""{"notes": "{{new string('n', 2001)}}"}"""), "data.notes");
    }

    [Fact]
    public void Parse_NotesLength_CountsCharactersNotUtf16Units() =>
        Accepted(Parse($$"""{"notes": "{{string.Concat(Enumerable.Repeat("🔥", 2000))}}"}"""));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"bell\\u0007\"")]
    [InlineData("\"lone \\ud800 surrogate\"")]
    [InlineData("[\"notes\"]")]
    public void Parse_EmptyControlBrokenOrNonTextNotes_AreRefused(string notes) =>
        RefusedAt(Parse($$"""{"notes": {{notes}}}"""), "data.notes");

    [Fact]
    public void Parse_NotesWithLineBreaksAndTabs_AreAccepted() =>
        Assert.Equal("a\r\n\tb", Parse("""{"notes": "a\r\n\tb"}""").Value.Notes);

    [Fact]
    public void ToLedgerData_PutsTheCommitmentInPlaceOfTheNotes()
    {
        var evidence = Parse($$"""{"serialNumber": "SN-1", "photoSha256": ["{{PhotoA}}"], "notes": "Mrs Jones was out"}""").Value;
        var (commitment, _) = FreeTextCommitment.Create(evidence.Notes!);

        var data = Jcs.CanonicalizeToString(evidence.ToLedgerData(commitment));

        Assert.Equal($$"""{"notesCommitment":"{{commitment}}","photoSha256":["{{PhotoA}}"],"serialNumber":"SN-1"}""", data);
    }

    [Fact]
    public void ToLedgerData_WithoutNotes_HasNoCommitment() =>
        Assert.Equal("""{"photoSha256":[]}""", Jcs.CanonicalizeToString(Parse("{}").Value.ToLedgerData(null)));

    [Fact]
    public void ToLedgerData_NotesWithoutACommitment_Throws() =>
        Assert.Throws<ArgumentException>(() => Parse("""{"notes": "n"}""").Value.ToLedgerData(null));

    [Fact]
    public void ToLedgerData_ACommitmentWithoutNotes_Throws() =>
        Assert.Throws<ArgumentException>(() => Parse("{}").Value.ToLedgerData(new string('0', 64)));

    private static string Photos(int count) =>
        $$"""{"photoSha256": [{{string.Join(", ", Enumerable.Repeat($"\"{PhotoA}\"", count))}}]}""";

    private static HousingLedger.Validation.Validated<CompletionEvidence> Parse(string data)
    {
        using var document = JsonDocument.Parse(data);
        return CompletionEvidence.Parse(document.RootElement.Clone());
    }
}
