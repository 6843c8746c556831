namespace HousingLedger.Jobs;

public sealed class JobStatesTests
{
    [Fact]
    public void WireName_AndTryParse_AreInversesForEveryState()
    {
        foreach (var state in Enum.GetValues<JobState>())
        {
            Assert.True(JobStates.TryParse(state.WireName(), out var parsed), $"{state.WireName()} was refused");
            Assert.Equal(state, parsed);
        }

        Assert.Equal(["raised", "accepted", "completed", "approved", "disputed", "settled", "cancelled"], JobStates.WireNames);
    }

    [Theory]
    [InlineData("Raised")]
    [InlineData("overdue")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsRefused(string? wireName) =>
        Assert.False(JobStates.TryParse(wireName, out _), $"'{wireName}' was accepted");
}
