using System.Text.Json.Nodes;
using static HousingLedger.Contracts.ValidatedAssert;

namespace HousingLedger.Contracts;

public sealed class ContractTermsParserItemTests
{
    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("\"OVEN\"")]
    public void Parse_ItemsThatAreNotANonEmptyArray_AreRefused(string items) =>
        RefusedAt(SampleTerms.ParseWith("items", JsonNode.Parse(items)), "items");

    [Fact]
    public void Parse_AnItemThatIsNotAnObject_IsRefusedAtItsIndex() =>
        RefusedAt(SampleTerms.ParseWith(body => body["items"]![1] = "HOB"), "items[1]", "must be an object, not a string");

    [Theory]
    [InlineData("A")]
    [InlineData("OVEN-600-SINGLE")]
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-AB")]
    public void Parse_ACodeOfCapitalsDigitsAndDashes_IsAccepted(string code) =>
        Accepted(SampleTerms.ParseWith("items[0].code", code));

    [Theory]
    [InlineData("oven-600")]
    [InlineData("OVEN 600")]
    [InlineData("OVEN_600")]
    [InlineData("OVEN/600")]
    [InlineData("ÖVEN")]
    [InlineData("")]
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-ABCD")]
    public void Parse_AnyOtherCode_IsRefused(string code) =>
        RefusedAt(SampleTerms.ParseWith("items[0].code", code), "items[0].code");

    [Fact]
    public void Parse_ACodeOf40Characters_IsAcceptedAnd41Refused()
    {
        Accepted(SampleTerms.ParseWith("items[0].code", new string('A', 40)));
        RefusedAt(SampleTerms.ParseWith("items[0].code", new string('A', 41)), "items[0].code");
    }

    [Fact]
    public void Parse_ARepeatedCode_IsRefusedAtTheRepeat() =>
        RefusedAt(SampleTerms.ParseWith("items[2].code", "OVEN-600-SINGLE"), "items[2].code", "repeats the code OVEN-600-SINGLE of items[0].code");

    [Fact]
    public void Parse_ADescriptionOf500Characters_IsAcceptedAnd501Refused()
    {
        Accepted(SampleTerms.ParseWith("items[1].description", new string('d', 500)));
        RefusedAt(SampleTerms.ParseWith("items[1].description", new string('d', 501)), "items[1].description");
    }

    [Fact]
    public void Parse_AnEmptyDescription_IsRefused() =>
        RefusedAt(SampleTerms.ParseWith("items[1].description", ""), "items[1].description");

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(ContractTermsParser.MaxUnitPricePence)]
    public void Parse_AUnitPriceFromZeroToTheMaximum_IsAccepted(long pence) =>
        Assert.Equal(pence, SampleTerms.ParseWith("items[2].unitPrice", pence).Value.Items[2].UnitPrice.Pence);

    [Theory]
    [InlineData(-1L)]
    [InlineData(ContractTermsParser.MaxUnitPricePence + 1)]
    public void Parse_AUnitPriceOutsideTheRange_IsRefused(long pence) =>
        RefusedAt(SampleTerms.ParseWith("items[2].unitPrice", pence), "items[2].unitPrice");

    [Theory]
    [InlineData("345.5")]
    [InlineData("34500.0")]
    [InlineData("3.45e4")]
    [InlineData("\"34500\"")]
    [InlineData("null")]
    public void Parse_AUnitPriceThatIsNotAnIntegerNumber_IsRefused(string unitPrice) =>
        RefusedAt(
            SampleTerms.ParseText(SampleTerms.Json.Replace("\"unitPrice\": 15500", "\"unitPrice\": " + unitPrice, StringComparison.Ordinal)),
            "items[2].unitPrice");
}
