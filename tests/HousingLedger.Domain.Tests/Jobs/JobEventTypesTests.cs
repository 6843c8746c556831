namespace HousingLedger.Jobs;

public sealed class JobEventTypesTests
{
    [Fact]
    public void SentBy_EachParty_ListsItsEvents()
    {
        Assert.Equal([JobEventTypes.Accepted, JobEventTypes.Completed, JobEventTypes.Cancelled], JobEventTypes.SentBy(JobEventSender.Supplier));
        Assert.Equal([JobEventTypes.Approved, JobEventTypes.Disputed], JobEventTypes.SentBy(JobEventSender.Association));
        Assert.Equal([JobEventTypes.Raised, JobEventTypes.Settled], JobEventTypes.SentBy(JobEventSender.Service));
    }

    [Theory]
    [InlineData("job.raised", JobEventSender.Service)]
    [InlineData("job.accepted", JobEventSender.Supplier)]
    [InlineData("job.completed", JobEventSender.Supplier)]
    [InlineData("job.cancelled", JobEventSender.Supplier)]
    [InlineData("job.approved", JobEventSender.Association)]
    [InlineData("job.disputed", JobEventSender.Association)]
    [InlineData("job.settled", JobEventSender.Service)]
    public void SenderOf_EachType_IsTheSpecsParty(string type, JobEventSender sender)
    {
        Assert.True(JobEventTypes.IsKnown(type), $"{type} is not known");
        Assert.Equal(sender, JobEventTypes.SenderOf(type));
    }

    [Theory]
    [InlineData("job.finished")]
    [InlineData("Job.Accepted")]
    [InlineData("contract.registered")]
    [InlineData(null)]
    public void SenderOf_AnythingElse_IsNobody(string? type)
    {
        Assert.False(JobEventTypes.IsKnown(type), $"{type} is known");
        Assert.Null(JobEventTypes.SenderOf(type));
    }
}
