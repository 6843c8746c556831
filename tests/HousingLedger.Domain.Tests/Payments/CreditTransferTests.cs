namespace HousingLedger.Payments;

public sealed class CreditTransferTests
{
    [Theory]
    [InlineData("RH0302")]
    [InlineData("ABCDEFGHIJKLMNOP18")]
    [InlineData("ERYRI/0302-ELAN.1")]
    [InlineData("0302AB")]
    public void IsValidReference_FitsEveryFile_IsAccepted(string reference) =>
        Assert.True(CreditTransfer.IsValidReference(reference), $"'{reference}' was refused");

    [Theory]
    [InlineData(null)]
    [InlineData("RH030")]
    [InlineData("ABCDEFGHIJKLMNOPQ19")]
    [InlineData("rh0302")]
    [InlineData("RH 0302")]
    [InlineData("RH&0302")]
    [InlineData("-RH0302")]
    [InlineData("AAAAAAAA")]
    [InlineData("RH0302É")]
    public void IsValidReference_BanksWouldRefuseOrAlter_IsRefused(string? reference) =>
        Assert.False(CreditTransfer.IsValidReference(reference), $"'{reference}' was accepted");
}
