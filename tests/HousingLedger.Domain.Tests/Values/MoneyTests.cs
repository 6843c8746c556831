namespace HousingLedger.Values;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("2.5", 3)]
    [InlineData("-2.5", -3)]
    [InlineData("2.4999999", 2)]
    [InlineData("0.5", 1)]
    [InlineData("-0.5", -1)]
    [InlineData("31740.000", 31740)]
    [InlineData("32775.5", 32776)]
    public void RoundFromPence_RoundsHalfAwayFromZero(string exactPence, long pence) =>
        Assert.Equal(pence, Money.RoundFromPence(decimal.Parse(exactPence, System.Globalization.CultureInfo.InvariantCulture)).Pence);

    [Fact]
    public void RoundFromPence_BeyondALong_Throws() =>
        Assert.Throws<OverflowException>(() => Money.RoundFromPence(decimal.MaxValue));

    [Fact]
    public void Arithmetic_IsChecked()
    {
        var most = Money.FromPence(long.MaxValue);

        Assert.Throws<OverflowException>(() => most + Money.FromPence(1));
        Assert.Throws<OverflowException>(() => Money.FromPence(long.MinValue) - Money.FromPence(1));
        Assert.Throws<OverflowException>(() => most.Times(2));
    }

    [Fact]
    public void Times_AQuantity_MultipliesTheUnitPrice() =>
        Assert.Equal(Money.FromPence(345_000_000), Money.FromPence(34500).Times(10_000));

    [Fact]
    public void Sum_AddsEveryAmount()
    {
        Assert.Equal(Money.FromPence(70500), Money.Sum([Money.FromPence(34500), Money.FromPence(21000), Money.FromPence(15000)]));
        Assert.Equal(Money.Zero, Money.Sum([]));
    }

    [Theory]
    [InlineData(34500, "345.00")]
    [InlineData(5, "0.05")]
    [InlineData(0, "0.00")]
    [InlineData(-150, "-1.50")]
    [InlineData(123456789, "1234567.89")]
    public void ToPoundsString_WritesPoundsWithTwoDecimals(long pence, string pounds) =>
        Assert.Equal(pounds, Money.FromPence(pence).ToPoundsString());

    [Fact]
    public void Comparison_OrdersByPence()
    {
        var less = Money.FromPence(99);
        var more = Money.FromPence(100);

        Assert.True(less < more && more > less && less <= Money.FromPence(99) && more >= Money.FromPence(100), "99p and 100p are out of order");
        Assert.Equal("100p", more.ToString());
    }
}
