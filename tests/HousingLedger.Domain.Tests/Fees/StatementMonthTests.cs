namespace HousingLedger.Fees;

public sealed class StatementMonthTests
{
    [Theory]
    [InlineData("2026-13")]
    [InlineData("26-01")]
    [InlineData("2026-1")]
    [InlineData("2026-00")]
    [InlineData("2026-01-01")]
    [InlineData("0000-01")]
    [InlineData(" 2026-01")]
    public void TryParse_RefusesAnythingButYyyyMm(string text) => Assert.False(StatementMonth.TryParse(text, out _));

    [Fact]
    public void TryParse_ReadsTheMonthAndWritesItBackTheSame()
    {
        Assert.True(StatementMonth.TryParse("2026-12", out var month));
        Assert.Equal("2026-12", month.ToString());
        Assert.Equal("2027-01", month.Next().ToString());
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), month.End);
    }

    [Fact]
    public void Of_TakesTheMonthInUtc() =>
        Assert.Equal("2026-04", StatementMonth.Of(new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.FromHours(-1))).ToString());
}
