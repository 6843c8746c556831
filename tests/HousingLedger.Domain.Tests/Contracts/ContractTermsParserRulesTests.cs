using System.Text.Json.Nodes;
using static HousingLedger.Contracts.ValidatedAssert;

namespace HousingLedger.Contracts;

/// <summary>Timescales, volume discount and late penalty.</summary>
public sealed class ContractTermsParserRulesTests
{
    [Theory]
    [InlineData("timescales.emergency", "P1.5D")]
    [InlineData("timescales.urgent", "7 days")]
    [InlineData("timescales.routine", "P0D")]
    [InlineData("timescales.routine", "-P28D")]
    public void Parse_ATimescaleThatIsNotADuration_IsRefused(string path, string duration) =>
        RefusedAt(SampleTerms.ParseWith(path, duration), path, "ISO 8601 duration");

    [Fact]
    public void Parse_TimescalesThatAreNotAnObject_AreRefused() =>
        RefusedAt(SampleTerms.ParseWith("timescales", "PT24H"), "timescales", "must be an object");

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Parse_TiersThatAreNotANonEmptyArray_AreRefused(string tiers) =>
        RefusedAt(SampleTerms.ParseWith("volumeDiscount.tiers", JsonNode.Parse(tiers)), "volumeDiscount.tiers");

    [Fact]
    public void Parse_ADiscountThatIsNotAnObject_IsRefused() =>
        RefusedAt(SampleTerms.ParseWith("volumeDiscount", JsonNode.Parse("[]")), "volumeDiscount", "must be an object");

    [Fact]
    public void Parse_ASingleTierFromOneUnit_IsAccepted() =>
        Accepted(SampleTerms.ParseWith("volumeDiscount.tiers", JsonNode.Parse("""[{"minUnits": 1, "rate": "0"}]""")));

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void Parse_AFirstTierThatDoesNotStartAtOneUnit_IsRefused(int minUnits) =>
        RefusedAt(SampleTerms.ParseWith("volumeDiscount.tiers[0].minUnits", minUnits), "volumeDiscount.tiers[0].minUnits");

    [Theory]
    [InlineData(101)]
    [InlineData(100)]
    [InlineData(1)]
    public void Parse_ATierNotAboveThePrevious_IsRefusedAtThatTier(int minUnits) =>
        RefusedAt(
            SampleTerms.ParseWith("volumeDiscount.tiers[2].minUnits", minUnits),
            "volumeDiscount.tiers[2].minUnits",
            "greater than the previous tier's minUnits (101)");

    [Fact]
    public void Parse_ATierOneAboveThePrevious_IsAccepted() =>
        Accepted(SampleTerms.ParseWith("volumeDiscount.tiers[2].minUnits", 102));

    [Fact]
    public void Parse_ATierThatIsNotAnObject_IsRefusedAtItsIndex() =>
        RefusedAt(SampleTerms.ParseWith(body => body["volumeDiscount"]!["tiers"]![1] = 101), "volumeDiscount.tiers[1]", "must be an object, not a number");

    [Fact]
    public void Parse_AFractionalMinUnits_IsRefused() =>
        RefusedAt(SampleTerms.ParseWith("volumeDiscount.tiers[1].minUnits", 100.5m), "volumeDiscount.tiers[1].minUnits");

    [Theory]
    [InlineData("P12M")]
    [InlineData("P1Y")]
    [InlineData("P6M")]
    [InlineData("P1Y6M")]
    public void Parse_AWindowOfWholeMonths_IsAccepted(string window) =>
        Assert.Equal(window, SampleTerms.ParseWith("latePenalty.window", window).Value.LatePenalty.Window.ToString());

    [Theory]
    [InlineData("P365D")]
    [InlineData("P52W")]
    [InlineData("P12MT1S")]
    public void Parse_AWindowOfAnythingButWholeMonths_IsRefused(string window) =>
        RefusedAt(SampleTerms.ParseWith("latePenalty.window", window), "latePenalty.window", "whole calendar months");

    [Fact]
    public void Parse_APenaltyThatIsNotAnObject_IsRefused() =>
        RefusedAt(SampleTerms.ParseWith("latePenalty", "0.20"), "latePenalty", "must be an object");
}
