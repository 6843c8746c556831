using HousingLedger.Validation;

namespace HousingLedger.Values;

public sealed class SortCodeTests
{
    [Theory]
    [InlineData("123456", "123456")]
    [InlineData("12-34-56", "123456")]
    [InlineData("000000", "000000")]
    public void TryParse_PlainOrDashed_GivesCanonicalDigits(string text, string expected)
    {
        Assert.True(SortCode.TryParse(text, out var sortCode), $"'{text}' was refused");
        Assert.Equal(expected, sortCode.Digits);
        Assert.Equal(expected, sortCode.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12 34 56")]
    [InlineData("12-3456")]
    [InlineData("1-234-56")]
    [InlineData("12-34-5a")]
    [InlineData("１２３４５６")]
    [InlineData("12345６")]
    public void TryParse_AnythingElse_IsRefused(string? text) =>
        Assert.False(SortCode.TryParse(text, out _), $"'{text}' was accepted");

    [Fact]
    public void Parse_Refused_NamesTheField() =>
        Assert.Equal([new FieldError("bank.sortCode", "must be " + SortCode.Rule)], SortCode.Parse("12.34.56", "bank.sortCode").Errors);

    [Fact]
    public void TwoSpellingsOfOneBranch_AreEqual()
    {
        var dashed = SortCode.Parse("12-34-56", "sortCode").Value;
        var plain = SortCode.Parse("123456", "sortCode").Value;
        Assert.Equal(plain, dashed);
        Assert.Equal("12-34-56", plain.ToDashedString());
    }
}
