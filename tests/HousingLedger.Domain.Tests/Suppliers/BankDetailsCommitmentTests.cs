using System.Security.Cryptography;
using System.Text;
using HousingLedger.Values;

namespace HousingLedger.Suppliers;

public sealed class BankDetailsCommitmentTests
{
    private static readonly BankAccount Account = new(
        SortCode.Parse("40-11-22", "sortCode").Value, AccountNumber.Parse("12345678", "accountNumber").Value, "Acme Ovens Ltd");

    [Fact]
    public void CanonicalText_IsTheDetailsJcs_InTheCanonicalDigits() =>
        Assert.Equal("""{"accountName":"Acme Ovens Ltd","accountNumber":"12345678","sortCode":"401122"}""", BankDetailsCommitment.CanonicalText(Account));

    [Fact]
    public void Create_CommitsToTheSaltThenTheCanonicalText_AndHidesTheDigits()
    {
        var (commitment, salt) = BankDetailsCommitment.Create(Account);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(BankDetailsCommitment.CanonicalText(Account))])), commitment);
        Assert.DoesNotContain("12345678", commitment, StringComparison.Ordinal);
        Assert.NotEqual(commitment, BankDetailsCommitment.Create(Account).Commitment);
    }

    [Fact]
    public void Matches_TheDetailsAndSalt_AndNothingElse()
    {
        var (commitment, salt) = BankDetailsCommitment.Create(Account);
        var other = new BankAccount(Account.SortCode, Account.AccountNumber, "Acme Ovens Limited");

        Assert.True(BankDetailsCommitment.Matches(Account, salt, commitment));
        Assert.False(BankDetailsCommitment.Matches(other, salt, commitment));
        Assert.False(BankDetailsCommitment.Matches(Account, new byte[salt.Length], commitment));
    }
}
