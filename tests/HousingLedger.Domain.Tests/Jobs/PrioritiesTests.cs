namespace HousingLedger.Jobs;

public sealed class PrioritiesTests
{
    [Theory]
    [InlineData(Priority.Emergency, "emergency")]
    [InlineData(Priority.Urgent, "urgent")]
    [InlineData(Priority.Routine, "routine")]
    public void WireName_AndTryParse_AreInverses(Priority priority, string wireName)
    {
        Assert.Equal(wireName, priority.WireName());
        Assert.True(Priorities.TryParse(wireName, out var parsed), $"{wireName} was refused");
        Assert.Equal(priority, parsed);
    }

    [Theory]
    [InlineData("Emergency")]
    [InlineData("ROUTINE")]
    [InlineData("urgent ")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsRefused(string? wireName) =>
        Assert.False(Priorities.TryParse(wireName, out _), $"'{wireName}' was accepted");
}
