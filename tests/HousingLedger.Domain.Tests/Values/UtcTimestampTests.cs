namespace HousingLedger.Values;

public sealed class UtcTimestampTests
{
    [Theory]
    [InlineData(0, "2026-03-01T10:00:00Z")]
    [InlineData(2_500_000, "2026-03-01T10:00:00.25Z")]
    [InlineData(1, "2026-03-01T10:00:00.0000001Z")]
    [InlineData(9_999_999, "2026-03-01T10:00:00.9999999Z")]
    public void Format_WritesTheFractionOnlyAsLongAsItNeedsToBe(long ticks, string expected) =>
        Assert.Equal(expected, UtcTimestamp.Format(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(ticks)));

    [Fact]
    public void Format_AnotherOffset_WritesTheSameInstantInUtc() =>
        Assert.Equal("2026-03-01T09:00:00Z", UtcTimestamp.Format(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1))));

    [Theory]
    [InlineData("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00+00:00", "2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00.250Z", "2026-03-01T10:00:00.25Z")]
    [InlineData("2026-03-01T10:00Z", "2026-03-01T10:00:00Z")]
    public void TryParse_IsoInstantsInUtc_AreAcceptedAndFormatCanonically(string text, string canonical)
    {
        Assert.True(UtcTimestamp.TryParse(text, out var instant), $"'{text}' was refused");
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(canonical, UtcTimestamp.Format(instant));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-03-01")]
    [InlineData("2026-03-01T10:00:00")]
    [InlineData("2026-03-01T10:00:00+01:00")]
    [InlineData("2026-03-01T10:00:00-00:00")]
    [InlineData("2026-03-01 10:00:00Z")]
    [InlineData("2026-03-01t10:00:00z")]
    [InlineData("2026-03-01T24:00:00Z")]
    [InlineData("2026-02-30T10:00:00Z")]
    [InlineData("1614265330")]
    public void TryParse_AnythingElse_IsRefused(string? text) =>
        Assert.False(UtcTimestamp.TryParse(text, out _), $"'{text}' was accepted");

    [Theory]
    [InlineData("Tue, 03 Mar 2026 10:00:00Z")]
    [InlineData("Tuesday, March 3, 2026 10:00:00 AM Z")]
    [InlineData("2026-3-1T10:00:00Z")]
    [InlineData(" 2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00\nZ")]
    [InlineData("2026-03-01T10:00:00.12345678Z")]
    public void TryParse_FormsThatAreNotIso8601_AreRefused(string text) =>
        Assert.False(UtcTimestamp.TryParse(text, out _), $"'{text}' was accepted");
}
