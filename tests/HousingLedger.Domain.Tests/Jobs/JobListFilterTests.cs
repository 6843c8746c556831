using HousingLedger.Values;

namespace HousingLedger.Jobs;

public sealed class JobListFilterTests
{
    private static readonly JobListFilter Everything = new(null, null, null, null, null);

    [Fact]
    public void NoCriteria_LetsEveryJobThrough()
    {
        foreach (var state in Enum.GetValues<JobState>())
        {
            Assert.True(Everything.Matches(SampleJobs.In(state), SampleJobs.Now), $"a {state} job was filtered out by no criteria");
        }
    }

    [Fact]
    public void EachCriterion_LetsThroughOnlyWhatMatchesIt()
    {
        var job = SampleJobs.Raised();
        var late = job.Deadline.AddDays(1);
        Assert.True((Everything with { State = JobState.Raised }).Matches(job, late));
        Assert.False((Everything with { State = JobState.Accepted }).Matches(job, late));
        Assert.True((Everything with { SupplierId = job.SupplierId }).Matches(job, late));
        Assert.False((Everything with { SupplierId = TypedId.Parse<SupplierId>("sup_other") }).Matches(job, late));
        Assert.True((Everything with { ContractId = job.ContractId }).Matches(job, late));
        Assert.False((Everything with { ContractId = TypedId.Parse<ContractId>("con_other") }).Matches(job, late));
        Assert.True((Everything with { Priority = Priority.Urgent }).Matches(job, late));
        Assert.False((Everything with { Priority = Priority.Routine }).Matches(job, late));
        Assert.True((Everything with { Overdue = true }).Matches(job, late));
        Assert.False((Everything with { Overdue = false }).Matches(job, late));
        Assert.True((Everything with { Overdue = false }).Matches(job, job.Deadline), "not overdue at its deadline");
    }

    [Fact]
    public void Criteria_AllMustHold()
    {
        var job = SampleJobs.Raised();
        Assert.False(new JobListFilter(JobState.Raised, job.SupplierId, job.ContractId, Priority.Routine, null).Matches(job, SampleJobs.Now));
        Assert.True(new JobListFilter(JobState.Raised, job.SupplierId, job.ContractId, Priority.Urgent, true).Matches(job, job.Deadline.AddDays(1)));
    }
}
