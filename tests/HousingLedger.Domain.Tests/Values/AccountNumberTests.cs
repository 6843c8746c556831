
namespace HousingLedger.Values;

public sealed class AccountNumberTests
{
    [Theory]
    [InlineData("31926819")]
    [InlineData("00000000")]
    public void TryParse_EightDigits_IsAccepted(string text)
    {
        Assert.True(AccountNumber.TryParse(text, out var accountNumber), $"'{text}' was refused");
        Assert.Equal(text, accountNumber.Digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234-5678")]
    [InlineData(" 12345678")]
    [InlineData("1234567x")]
    [InlineData("１２３４５６７８")]
    public void TryParse_AnythingButEightDigits_IsRefused(string? text) =>
        Assert.False(AccountNumber.TryParse(text, out _), $"'{text}' was accepted");
}
