namespace HousingLedger.Jobs;

public sealed class JobAttentionTests
{
    [Theory]
    [InlineData(JobState.Raised, true)]
    [InlineData(JobState.Accepted, true)]
    [InlineData(JobState.Disputed, true)]
    [InlineData(JobState.Completed, false)]
    [InlineData(JobState.Approved, false)]
    [InlineData(JobState.Settled, false)]
    [InlineData(JobState.Cancelled, false)]
    public void IsOverdue_AfterTheDeadline_OnlyWhileWorkIsOwed(JobState state, bool overdue)
    {
        var job = SampleJobs.In(state);
        Assert.True(JobAttention.IsOverdue(job, job.Deadline.AddTicks(1)) == overdue, $"a {state} job just past its deadline: overdue should be {overdue}");
    }

    [Fact]
    public void IsOverdue_AtTheDeadlineItself_IsNot()
    {
        var job = SampleJobs.Raised();
        Assert.False(JobAttention.IsOverdue(job, job.Deadline), "a job is on time until its deadline has passed");
        Assert.True(JobAttention.IsOverdue(job, job.Deadline.AddTicks(1)), "a job whose deadline has passed is overdue");
    }

    [Theory]
    [InlineData(JobState.Raised, false)]
    [InlineData(JobState.Accepted, false)]
    [InlineData(JobState.Completed, true)]
    [InlineData(JobState.Approved, false)]
    [InlineData(JobState.Disputed, false)]
    [InlineData(JobState.Settled, false)]
    [InlineData(JobState.Cancelled, false)]
    public void IsAwaitingApproval_OnlyWhenCompletedAndUndecided(JobState state, bool awaiting) =>
        Assert.True(JobAttention.IsAwaitingApproval(SampleJobs.In(state)) == awaiting, $"a {state} job: awaiting approval should be {awaiting}");
}
