using System.Text.Json.Nodes;
using HousingLedger.Jobs;
using HousingLedger.Values;
using static HousingLedger.Contracts.ValidatedAssert;

namespace HousingLedger.Contracts;

public sealed class ContractTermsParserTests
{
    [Fact]
    public void Parse_TheSpecExample_GivesEveryTerm()
    {
        var terms = SampleTerms.ParseText(SampleTerms.Json);

        Accepted(terms);
        var value = terms.Value;
        Assert.Equal("Cooker and oven replacement framework 2026", value.Title);
        Assert.Equal("sup_cookers01", value.SupplierId.Value);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), (value.Starts, value.Ends));
        Assert.Equal(0.2m, value.VatRate.Value);
        Assert.Equal(
            [("OVEN-600-SINGLE", 34500L), ("HOB-600-CERAMIC", 21000L), ("COOKER-HOOD", 15500L)],
            value.Items.Select(item => (item.Code, item.UnitPrice.Pence)));
        Assert.Equal(["PT24H", "P7D", "P28D"], Priorities.All.Select(priority => value.Timescales.For(priority).ToString()));
        Assert.Equal([(1, 0m), (101, 0.05m), (501, 0.08m)], value.VolumeDiscount.Tiers.Select(tier => (tier.MinUnits, tier.Rate.Value)));
        Assert.Equal(("P12M", 0.1m, 0.2m), (value.LatePenalty.Window.ToString(), value.LatePenalty.Threshold.Value, value.LatePenalty.Reduction.Value));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"terms\"")]
    [InlineData("null")]
    public void Parse_ABodyThatIsNotAnObject_IsRefusedAsAWhole(string json) =>
        RefusedAt(SampleTerms.ParseText(json), "body");

    [Theory]
    [InlineData("title")]
    [InlineData("supplierId")]
    [InlineData("starts")]
    [InlineData("vatRate")]
    [InlineData("items")]
    [InlineData("timescales")]
    [InlineData("volumeDiscount")]
    [InlineData("latePenalty")]
    [InlineData("timescales.urgent")]
    [InlineData("volumeDiscount.tiers")]
    [InlineData("latePenalty.window")]
    [InlineData("latePenalty.threshold")]
    [InlineData("latePenalty.reduction")]
    [InlineData("items[1].description")]
    [InlineData("items[2].unitPrice")]
    [InlineData("volumeDiscount.tiers[1].rate")]
    public void Parse_AMissingMember_IsRequired(string path) =>
        RefusedAt(SampleTerms.ParseWithout(path), path, "is required");

    [Fact]
    public void Parse_MissingEnds_IsRequired() =>
        RefusedAt(SampleTerms.ParseWithout("ends"), "ends", "is required");

    [Theory]
    [InlineData("colour")]
    [InlineData("timescales.whenever")]
    [InlineData("volumeDiscount.cap")]
    [InlineData("latePenalty.grace")]
    [InlineData("items[0].colour")]
    [InlineData("volumeDiscount.tiers[2].maxUnits")]
    public void Parse_AnUnknownMember_IsRefused(string path) =>
        RefusedAt(SampleTerms.ParseWith(path, "x"), path, "expected only");

    [Fact]
    public void Parse_ARepeatedMember_IsRefused() =>
        RefusedAt(SampleTerms.ParseText(SampleTerms.Json.Replace("\"title\":", "\"title\": \"Other\", \"title\":", StringComparison.Ordinal)), "title", "more than once");

    [Fact]
    public void Parse_EveryWrongField_IsReported()
    {
        var result = SampleTerms.ParseWith(body =>
        {
            body["title"] = "";
            body["items"]![2]!["unitPrice"] = -1;
            body["volumeDiscount"]!["tiers"]![1]!["minUnits"] = 1;
            body["latePenalty"]!["window"] = "P365D";
        });

        Assert.Equal(
            ["title", "items[2].unitPrice", "volumeDiscount.tiers[1].minUnits", "latePenalty.window"],
            result.Errors.Select(error => error.Field));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void Parse_ATitleOf1To200Characters_IsAccepted(int length) =>
        Accepted(SampleTerms.ParseWith("title", new string('T', length)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Ovens\n2026")]
    [InlineData("Ovens\u00072026")]
    public void Parse_AnEmptyBlankOrControlTitle_IsRefused(string title) =>
        RefusedAt(SampleTerms.ParseWith("title", title), "title");

    [Fact]
    public void Parse_ATitleOf201Characters_IsRefused() =>
        RefusedAt(SampleTerms.ParseWith("title", new string('T', 201)), "title");

    [Fact]
    public void Parse_ANumberForTitle_IsRefused() =>
        RefusedAt(SampleTerms.ParseWith("title", 2026), "title", "must be a string");

    [Theory]
    [InlineData("sup 1")]
    [InlineData("sup/1")]
    [InlineData("sup'1")]
    [InlineData("_sup1")]
    [InlineData("")]
    public void Parse_ASupplierIdThatIsNotAnIdentifier_IsRefused(string supplierId) =>
        RefusedAt(SampleTerms.ParseWith("supplierId", supplierId), "supplierId");

    [Fact]
    public void Parse_ASupplierIdOf64And65Characters_IsAcceptedThenRefused()
    {
        Accepted(SampleTerms.ParseWith("supplierId", new string('s', 64)));
        RefusedAt(SampleTerms.ParseWith("supplierId", new string('s', 65)), "supplierId");
    }

    [Theory]
    [InlineData("2026-1-1")]
    [InlineData("2026-02-30")]
    [InlineData("01/01/2026")]
    [InlineData("2026-01-01T00:00:00Z")]
    [InlineData(" 2026-01-01")]
    [InlineData("20260101")]
    public void Parse_AStartThatIsNotADate_IsRefused(string starts) =>
        RefusedAt(SampleTerms.ParseWith("starts", starts), "starts", "yyyy-MM-dd");

    [Theory]
    [InlineData("2027-12-31")]
    [InlineData("2028-01-01")]
    public void Parse_AContractThatDoesNotEndAfterItStarts_IsRefusedAtEnds(string starts) =>
        RefusedAt(SampleTerms.ParseWith("starts", starts), "ends", "must be after starts");

    [Fact]
    public void Parse_AOneDayContract_IsAccepted() =>
        Accepted(SampleTerms.ParseWith(body => (body["starts"], body["ends"]) = ("2026-01-01", "2026-01-02")));

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("0.175")]
    [InlineData("0.0000000001")]
    public void Parse_ARateFrom0To1_IsAccepted(string rate) =>
        Accepted(SampleTerms.ParseWith("vatRate", rate));

    [Theory]
    [InlineData("1.01")]
    [InlineData("-0.1")]
    [InlineData("20%")]
    [InlineData("0,2")]
    [InlineData(".2")]
    [InlineData("0.2\n")]
    [InlineData("0.2 ")]
    [InlineData("2e-1")]
    [InlineData("0.00000000001")]
    [InlineData("")]
    public void Parse_AnythingElseAsARate_IsRefused(string rate) =>
        RefusedAt(SampleTerms.ParseWith("vatRate", rate), "vatRate");

    [Fact]
    public void Parse_ARateAsANumber_IsRefusedWithTheStringForm() =>
        RefusedAt(SampleTerms.ParseWith("vatRate", 0.2m), "vatRate", "must be a string such as \"0.20\"");

    [Theory]
    [InlineData("volumeDiscount.tiers[1].rate", "1.5")]
    [InlineData("latePenalty.threshold", "1.1")]
    [InlineData("latePenalty.reduction", "-1")]
    public void Parse_ARateOutside0To1_IsRefusedWhereverItIs(string path, string rate) =>
        RefusedAt(SampleTerms.ParseWith(path, rate), path, "from 0 to 1");
}
