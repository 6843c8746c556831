using HousingLedger.Values;

namespace HousingLedger.Suppliers;

public sealed class PayeeBankTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly BankAccount Account = new(
        SortCode.Parse("401122", "sortCode").Value, AccountNumber.Parse("12345678", "accountNumber").Value, "Acme Ovens Ltd");

    [Fact]
    public void MustHold_DetailsNeverChanged_PaysWithoutConfirmation() =>
        Assert.False(new PayeeBank(Account, null).MustHold(confirmedByPayer: false));

    [Fact]
    public void MustHold_AChangeNotConfirmed_Holds() =>
        Assert.True(Changed(AsOf - TimeSpan.FromDays(2)).MustHold(confirmedByPayer: false));

    [Fact]
    public void MustHold_AChangeConfirmed_Pays() =>
        Assert.False(Changed(AsOf - TimeSpan.FromDays(2)).MustHold(confirmedByPayer: true));

    [Fact]
    public void MustHold_AnUnconfirmedChangeOlderThanThirtyDays_StillHolds_OnlyAConfirmationReleasesIt() =>
        Assert.True(Changed(AsOf - TimeSpan.FromDays(400)).MustHold(confirmedByPayer: false));

    [Fact]
    public void IsFlaggedAt_FollowsTheLatestChangesWindow()
    {
        Assert.False(new PayeeBank(Account, null).IsFlaggedAt(AsOf));
        Assert.True(Changed(AsOf - TimeSpan.FromDays(10)).IsFlaggedAt(AsOf));
        Assert.False(Changed(AsOf - TimeSpan.FromDays(31)).IsFlaggedAt(AsOf));
    }

    private static PayeeBank Changed(DateTimeOffset occurredAt) => new(Account, new BankDetailsChange(TypedId.Parse<EventId>("bank_a"), occurredAt));
}
