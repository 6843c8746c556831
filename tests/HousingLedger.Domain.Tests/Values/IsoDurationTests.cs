using FsCheck.Xunit;

namespace HousingLedger.Values;

public sealed class IsoDurationTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("PT24H", 0, 0, 0, 0, 24, 0, 0)]
    [InlineData("P7D", 0, 0, 0, 7, 0, 0, 0)]
    [InlineData("P28D", 0, 0, 0, 28, 0, 0, 0)]
    [InlineData("P12M", 0, 12, 0, 0, 0, 0, 0)]
    [InlineData("P1Y", 1, 0, 0, 0, 0, 0, 0)]
    [InlineData("P1W", 0, 0, 1, 0, 0, 0, 0)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 0, 3, 4, 5, 6)]
    [InlineData("PT90M", 0, 0, 0, 0, 0, 90, 0)]
    [InlineData("PT1S", 0, 0, 0, 0, 0, 0, 1)]
    [InlineData("P1DT1M", 0, 0, 0, 1, 0, 1, 0)]
    public void TryParse_ContractDurations_GiveTheirComponents(string text, int years, int months, int weeks, int days, int hours, int minutes, int seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration), $"'{text}' was refused");
        Assert.Equal(
            (years, months, weeks, days, hours, minutes, seconds),
            (duration.Years, duration.Months, duration.Weeks, duration.Days, duration.Hours, duration.Minutes, duration.Seconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P0D")]
    [InlineData("PT0S")]
    [InlineData("P0Y0M")]
    [InlineData("P1.5D")]
    [InlineData("P1,5D")]
    [InlineData("PT0.5H")]
    [InlineData("-P1D")]
    [InlineData("P-1D")]
    [InlineData("P+1D")]
    [InlineData("p1d")]
    [InlineData("P1d")]
    [InlineData("P1D ")]
    [InlineData(" P1D")]
    [InlineData("P1D\n")]
    [InlineData("1D")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P1DT")]
    [InlineData("P1M1Y")]
    [InlineData("PT1S1M")]
    [InlineData("P1D1D")]
    [InlineData("P1W2D")]
    [InlineData("P1Y1W")]
    [InlineData("P1WT1H")]
    [InlineData("P１D")]
    [InlineData("P1234567890D")]
    [InlineData("P101Y")]
    [InlineData("P1201M")]
    [InlineData("P36526D")]
    [InlineData("P5218W")]
    [InlineData("PT876601H")]
    [InlineData("P2026-01-01")]
    public void TryParse_AnythingElse_IsRefused(string? text) =>
        Assert.False(IsoDuration.TryParse(text, out _), $"'{text}' was accepted");

    [Theory]
    [InlineData("P100Y")]
    [InlineData("P1200M")]
    [InlineData("P36525D")]
    [InlineData("P5217W")]
    [InlineData("PT876600H")]
    [InlineData("P100Y36525D")]
    public void TryParse_AtTheHundredYearBounds_IsAccepted(string text) =>
        Assert.True(IsoDuration.TryParse(text, out _), $"'{text}' was refused");

    [Theory]
    [InlineData("P01D", "P1D")]
    [InlineData("P0Y1M", "P1M")]
    [InlineData("P1DT0H", "P1D")]
    [InlineData("P0DT1H", "PT1H")]
    [InlineData("P12M", "P12M")]
    [InlineData("P1Y", "P1Y")]
    [InlineData("PT24H", "PT24H")]
    [InlineData("P1W", "P1W")]
    [InlineData("P1Y2M3DT4H5M6S", "P1Y2M3DT4H5M6S")]
    public void ToString_WritesTheCanonicalForm(string text, string canonical) =>
        Assert.Equal(canonical, IsoDuration.Parse(text).ToString());

    [Property(MaxTest = 300)]
    public void ToString_ThenTryParse_GivesTheSameDuration(byte years, byte months, byte days, byte hours, byte minutes, byte seconds)
    {
        // Zero components are left out of the text, as ToString leaves them out; a zero duration is not a duration.
        var text = "P" + Part(years % 50, 'Y') + Part(months % 100, 'M') + Part(days, 'D') + "T" + Part(hours, 'H') + Part(minutes, 'M') + Part(seconds + 1, 'S');
        var duration = IsoDuration.Parse(text);

        Assert.True(IsoDuration.TryParse(duration.ToString(), out var again), $"{text} wrote {duration}, which was refused");
        Assert.Equal(duration, again);
    }

    private static string Part(int value, char designator) => value == 0 ? string.Empty : $"{value}{designator}";

    [Fact]
    public void Parse_Refused_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => IsoDuration.Parse("P1.5D"));

    [Fact]
    public void Equality_IsByComponents_SoTwelveMonthsIsNotOneYear()
    {
        Assert.Equal(IsoDuration.Parse("P12M"), IsoDuration.Parse("P012M"));
        Assert.NotEqual(IsoDuration.Parse("P12M"), IsoDuration.Parse("P1Y"));
    }

    [Theory]
    [InlineData("PT24H", "2026-03-11T12:00:00Z")]
    [InlineData("P7D", "2026-03-17T12:00:00Z")]
    [InlineData("P1W", "2026-03-17T12:00:00Z")]
    [InlineData("P28D", "2026-04-07T12:00:00Z")]
    [InlineData("P1M", "2026-04-10T12:00:00Z")]
    [InlineData("P1Y", "2027-03-10T12:00:00Z")]
    [InlineData("PT90M", "2026-03-10T13:30:00Z")]
    [InlineData("P1DT1S", "2026-03-11T12:00:01Z")]
    public void AddTo_MovesAnInstantOn(string duration, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), IsoDuration.Parse(duration).AddTo(Noon));

    [Theory]
    [InlineData("2026-01-31T09:00:00Z", "P1M", "2026-02-28T09:00:00Z")]
    [InlineData("2028-01-31T09:00:00Z", "P1M", "2028-02-29T09:00:00Z")]
    [InlineData("2026-03-31T09:00:00Z", "P1M", "2026-04-30T09:00:00Z")]
    [InlineData("2028-02-29T09:00:00Z", "P1Y", "2029-02-28T09:00:00Z")]
    [InlineData("2026-12-31T23:30:00Z", "PT1H", "2027-01-01T00:30:00Z")]
    public void AddTo_AtMonthAndYearEnds_LandsOnTheLastDayThatExists(string start, string duration, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), IsoDuration.Parse(duration).AddTo(DateTimeOffset.Parse(start)));

    [Fact]
    public void AddTo_AddsMonthsAndYearsTogetherBeforeDays()
    {
        // One step of 13 months from 29 February 2028 lands on 29 March 2029; a year then a month would give the 28th.
        Assert.Equal(DateTimeOffset.Parse("2029-03-29T00:00:00Z"), IsoDuration.Parse("P1Y1M").AddTo(DateTimeOffset.Parse("2028-02-29T00:00:00Z")));

        // Months before days: 31 January + 1 month = 28 February, + 1 day = 1 March (days first would give 1 April's end).
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T00:00:00Z"), IsoDuration.Parse("P1M1D").AddTo(DateTimeOffset.Parse("2026-01-31T00:00:00Z")));
    }

    [Fact]
    public void AddTo_TheLongestDuration_FromTheYear9789_StaysInRange() =>
        Assert.Equal(
            new DateTimeOffset(9990, 1, 1, 0, 0, 0, TimeSpan.Zero),
            IsoDuration.Parse("P100Y36525D").AddTo(new DateTimeOffset(9789, 12, 31, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("P12M", true, 12)]
    [InlineData("P1Y", true, 12)]
    [InlineData("P1Y6M", true, 18)]
    [InlineData("P1M", true, 1)]
    public void TotalMonths_OfWholeMonths_CountsCalendarMonths(string text, bool whole, int months)
    {
        var duration = IsoDuration.Parse(text);
        Assert.Equal(whole, duration.IsWholeMonths);
        Assert.Equal(months, duration.TotalMonths);
    }

    [Theory]
    [InlineData("P365D")]
    [InlineData("P1W")]
    [InlineData("P1YT1S")]
    [InlineData("PT24H")]
    public void TotalMonths_OfAnythingElse_Throws(string text)
    {
        var duration = IsoDuration.Parse(text);
        Assert.False(duration.IsWholeMonths, $"{text} counted as whole months");
        Assert.Throws<InvalidOperationException>(() => duration.TotalMonths);
    }
}
