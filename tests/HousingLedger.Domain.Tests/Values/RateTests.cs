namespace HousingLedger.Values;

public sealed class RateTests
{
    [Theory]
    [InlineData("0.20", 0.2, "0.2")]
    [InlineData("0", 0, "0")]
    [InlineData("1", 1, "1")]
    [InlineData("1.0000000000", 1, "1")]
    [InlineData("0.05", 0.05, "0.05")]
    [InlineData("0.175", 0.175, "0.175")]
    [InlineData("0.0000000001", 0.0000000001, "0.0000000001")]
    [InlineData("00.5", 0.5, "0.5")]
    public void TryParse_ThenToString_GivesTheCanonicalForm(string text, double value, string canonical)
    {
        Assert.True(Rate.TryParse(text, out var rate), $"'{text}' was refused");
        Assert.Equal((decimal)value, rate.Value);
        Assert.Equal(canonical, rate.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.0000000001")]
    [InlineData("10")]
    [InlineData("-0.1")]
    [InlineData("+0.1")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("0.12345678901")]
    [InlineData("1e-1")]
    [InlineData(" 0.1")]
    [InlineData("0.1 ")]
    [InlineData("0,1")]
    [InlineData("20%")]
    [InlineData("０.１")]
    public void TryParse_AnythingElse_IsRefused(string? text) =>
        Assert.False(Rate.TryParse(text, out _), $"'{text}' was accepted");

    [Fact]
    public void TryParse_ATrailingLineBreak_IsRefusedWithoutThrowing() =>
        Assert.False(Rate.TryParse("0.2\n", out _), "'0.2\\n' was accepted");

    [Theory]
    [InlineData(-0.0000000001)]
    [InlineData(1.0000000001)]
    public void FromDecimal_OutsideZeroToOne_Throws(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.FromDecimal((decimal)value));

    [Fact]
    public void TwoScalesOfOneValue_AreEqual()
    {
        Assert.Equal(Rate.FromDecimal(0.2m), Rate.FromDecimal(0.20m));
        Assert.Equal(Rate.FromDecimal(0.2m).GetHashCode(), Rate.FromDecimal(0.2000m).GetHashCode());
    }

    [Fact]
    public void Complement_IsWhatRemainsAfterTheReduction() =>
        Assert.Equal(0.95m, Rate.FromDecimal(0.05m).Complement);

    [Fact]
    public void Comparison_OrdersByValue()
    {
        var low = Rate.FromDecimal(0.05m);
        var high = Rate.FromDecimal(0.1m);

        Assert.True(low < high && high > low && low <= Rate.FromDecimal(0.050m) && high >= Rate.FromDecimal(0.10m), "0.05 and 0.1 are out of order");
        Assert.True(low.CompareTo(high) < 0, "0.05 compared after 0.1");
        Assert.Equal(Rate.Zero, default);
    }
}
