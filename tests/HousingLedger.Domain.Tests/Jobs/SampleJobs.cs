using HousingLedger.Contracts;
using HousingLedger.Values;

namespace HousingLedger.Jobs;

/// <summary>Jobs under the sample contract, raised and moved to any state.</summary>
internal static class SampleJobs
{
    public static readonly ContractTerms Terms = SampleTerms.Terms();

    public static readonly DateTimeOffset RaisedAt = new(2026, 3, 10, 9, 15, 0, TimeSpan.Zero);

    /// <summary>The service's clock in these tests: well after every event they apply.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static JobRequest Request() =>
        new(Ids.Job("job_oven12"), Ids.Association("assoc_riverside"), Ids.Contract("con_cookers"), "OVEN-600-SINGLE", 1, "urgent", "100023336956", RaisedAt);

    public static Job Raised() => JobLifecycle.Raise(Request(), Terms, Now).Value;

    /// <summary>The events that lead from raised to <paramref name="state"/>, an hour apart.</summary>
    public static Job In(JobState state)
    {
        var job = Raised();
        foreach (var eventType in PathTo(state))
        {
            job = JobLifecycle.Apply(job, eventType, job.LastEventAt.AddHours(1), Now) is JobEventOutcome.Applied applied
                ? applied.Next
                : throw new InvalidOperationException($"{eventType} did not apply to a {job.State} job");
        }

        return job;
    }

    private static string[] PathTo(JobState state) => state switch
    {
        JobState.Raised => [],
        JobState.Accepted => [JobEventTypes.Accepted],
        JobState.Completed => [JobEventTypes.Accepted, JobEventTypes.Completed],
        JobState.Approved => [JobEventTypes.Accepted, JobEventTypes.Completed, JobEventTypes.Approved],
        JobState.Disputed => [JobEventTypes.Accepted, JobEventTypes.Completed, JobEventTypes.Disputed],
        JobState.Settled => [JobEventTypes.Accepted, JobEventTypes.Completed, JobEventTypes.Approved, JobEventTypes.Settled],
        JobState.Cancelled => [JobEventTypes.Cancelled],
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
