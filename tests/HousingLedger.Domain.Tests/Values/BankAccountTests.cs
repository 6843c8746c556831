using System.Text.Json;

namespace HousingLedger.Values;

public sealed class BankAccountTests
{
    private static BankAccountParse Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = BankAccount.Parse(document.RootElement, "bank");
        return new BankAccountParse(result.IsValid ? result.Value : null, result.Errors.Select(e => $"{e.Field}: {e.Message}").ToList());
    }

    [Fact]
    public void Parse_ValidDetails_GivesCanonicalAccount()
    {
        var parsed = Parse("""{"sortCode":"20-00-00","accountNumber":"55779911","accountName":"Brick & Co Ltd"}""");

        Assert.True(parsed.Account is not null, "refused: " + string.Join("; ", parsed.Errors));
        Assert.Equal("200000", parsed.Account.SortCode.Digits);
        Assert.Equal("55779911", parsed.Account.AccountNumber.Digits);
        Assert.Equal("Brick & Co Ltd", parsed.Account.AccountName);
    }

    [Fact]
    public void ToJson_WritesCanonicalDigitsAndName()
    {
        var account = Parse("""{"accountName":"Élan Repairs","sortCode":"20-00-00","accountNumber":"55779911"}""").Account!;

        Assert.Equal("""{"sortCode":"200000","accountNumber":"55779911","accountName":"Élan Repairs"}""", account.ToJson().ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void ToJson_ThenParse_GivesTheSameAccount()
    {
        var account = Parse("""{"sortCode":"123456","accountNumber":"12345678","accountName":"A"}""").Account!;
        var again = Parse(account.ToJson().ToJsonString()).Account;

        Assert.Equal(account, again);
    }

    [Theory]
    [InlineData("""{"accountNumber":"12345678","accountName":"A"}""", "bank.sortCode: is required")]
    [InlineData("""{"sortCode":"12345","accountNumber":"12345678","accountName":"A"}""", "bank.sortCode: must be six digits, written 123456 or 12-34-56")]
    [InlineData("""{"sortCode":123456,"accountNumber":"12345678","accountName":"A"}""", "bank.sortCode: must be a string, not a number")]
    [InlineData("""{"sortCode":"123456","accountNumber":"1234567","accountName":"A"}""", "bank.accountNumber: must be eight digits")]
    [InlineData("""{"sortCode":"123456","accountNumber":"12345678","accountName":""}""", "bank.accountName: must be " + BankAccount.AccountNameRule)]
    [InlineData("""{"sortCode":"123456","accountNumber":"12345678","accountName":" A"}""", "bank.accountName: must be " + BankAccount.AccountNameRule)]
    [InlineData("""{"sortCode":"123456","accountNumber":"12345678","accountName":"A\u0007B"}""", "bank.accountName: must be " + BankAccount.AccountNameRule)]
    [InlineData("""{"sortCode":"123456","accountNumber":"12345678","accountName":"A\u202EB"}""", "bank.accountName: must be " + BankAccount.AccountNameRule)]
    [InlineData("""{"sortCode":"123456","accountNumber":"12345678","accountName":"A\nB"}""", "bank.accountName: must be " + BankAccount.AccountNameRule)]
    [InlineData("""{"sortCode":"123456","accountNumber":"12345678","accountName":"A","iban":"GB00"}""", "bank.iban: is not a member of this object; expected only sortCode, accountNumber, accountName")]
    [InlineData("""{"sortCode":"123456","sortCode":"654321","accountNumber":"12345678","accountName":"A"}""", "bank.sortCode: appears more than once")]
    [InlineData("""["123456"]""", "bank: must be an object, not an array")]
    public void Parse_BadDetails_NamesTheField(string json, string expected)
    {
        var parsed = Parse(json);

        Assert.Null(parsed.Account);
        Assert.Equal([expected], parsed.Errors);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEachField()
    {
        var parsed = Parse("""{"sortCode":"x","accountName":7}""");

        Assert.Equal(
            ["bank.sortCode: must be six digits, written 123456 or 12-34-56", "bank.accountNumber: is required", "bank.accountName: must be a string, not a number"],
            parsed.Errors);
    }

    [Fact]
    public void IsValidAccountName_CountsCharactersNotUtf16Units()
    {
        Assert.True(BankAccount.IsValidAccountName(new string('a', 70)), "70 letters were refused");
        Assert.False(BankAccount.IsValidAccountName(new string('a', 71)), "71 letters were accepted");
        Assert.True(BankAccount.IsValidAccountName(string.Concat(Enumerable.Repeat("𝔸", 70))), "70 astral letters were refused");
        Assert.False(BankAccount.IsValidAccountName("A\uD800B"), "an unpaired surrogate was accepted");
    }

    [Fact]
    public void Constructor_WithInvalidName_IsAProgrammingError()
    {
        var sortCode = SortCode.Parse("123456", "sortCode").Value;
        var accountNumber = AccountNumber.Parse("12345678", "accountNumber").Value;

        Assert.Throws<ArgumentException>(() => new BankAccount(sortCode, accountNumber, ""));
    }

    private sealed record BankAccountParse(BankAccount? Account, List<string> Errors);
}
