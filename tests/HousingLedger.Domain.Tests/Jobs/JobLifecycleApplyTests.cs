namespace HousingLedger.Jobs;

public sealed class JobLifecycleApplyTests
{
    private static readonly (JobState From, string Event, JobState To)[] Allowed =
    [
        (JobState.Raised, JobEventTypes.Accepted, JobState.Accepted),
        (JobState.Raised, JobEventTypes.Cancelled, JobState.Cancelled),
        (JobState.Accepted, JobEventTypes.Completed, JobState.Completed),
        (JobState.Accepted, JobEventTypes.Cancelled, JobState.Cancelled),
        (JobState.Completed, JobEventTypes.Approved, JobState.Approved),
        (JobState.Completed, JobEventTypes.Disputed, JobState.Disputed),
        (JobState.Disputed, JobEventTypes.Completed, JobState.Completed),
        (JobState.Disputed, JobEventTypes.Cancelled, JobState.Cancelled),
        (JobState.Approved, JobEventTypes.Settled, JobState.Settled),
    ];

    public static TheoryData<JobState, string, JobState> AllowedMoves()
    {
        var moves = new TheoryData<JobState, string, JobState>();
        foreach (var (from, eventType, to) in Allowed)
        {
            moves.Add(from, eventType, to);
        }

        return moves;
    }

    /// <summary>Every pairing of a state and an event type that is not in <see cref="Allowed"/>.</summary>
    public static TheoryData<JobState, string> RefusedMoves()
    {
        var moves = new TheoryData<JobState, string>();
        foreach (var state in Enum.GetValues<JobState>())
        {
            foreach (var eventType in JobEventTypes.All.Where(type => !Allowed.Any(move => move.From == state && move.Event == type)))
            {
                moves.Add(state, eventType);
            }
        }

        return moves;
    }

    [Fact]
    public void RefusedMoves_CoverEveryOtherPairing() =>
        Assert.Equal((Enum.GetValues<JobState>().Length * JobEventTypes.All.Count) - Allowed.Length, RefusedMoves().Count);

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Apply_AnEventTheStateAllows_MovesTheJobOn(JobState from, string eventType, JobState to)
    {
        var job = SampleJobs.In(from);
        var occurredAt = job.LastEventAt.AddMinutes(30);

        var outcome = JobLifecycle.Apply(job, eventType, occurredAt, SampleJobs.Now);

        var next = Assert.IsType<JobEventOutcome.Applied>(outcome).Next;
        Assert.Equal(job with { State = to, LastEventAt = occurredAt, FirstCompletedAt = next.FirstCompletedAt, ApprovedAt = next.ApprovedAt }, next);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Apply_AnEventTheStateDoesNotAllow_IsAConflict(JobState from, string eventType)
    {
        var job = SampleJobs.In(from);

        var outcome = JobLifecycle.Apply(job, eventType, job.LastEventAt.AddMinutes(30), SampleJobs.Now);

        Assert.Contains($"job job_oven12 ", Assert.IsType<JobEventOutcome.Conflicting>(outcome).Conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AnEventToAWrongState_SaysWhichStatesItNeeds() =>
        Assert.Equal(
            "job job_oven12 is raised; job.completed applies only to a job that is accepted or disputed",
            Assert.IsType<JobEventOutcome.Conflicting>(JobLifecycle.Apply(SampleJobs.Raised(), JobEventTypes.Completed, SampleJobs.RaisedAt, SampleJobs.Now)).Conflict);

    [Fact]
    public void Apply_JobRaisedToAnExistingJob_SaysItIsAlreadyRaised() =>
        Assert.Equal(
            "job job_oven12 has already been raised",
            Assert.IsType<JobEventOutcome.Conflicting>(JobLifecycle.Apply(SampleJobs.Raised(), JobEventTypes.Raised, SampleJobs.RaisedAt, SampleJobs.Now)).Conflict);

    [Theory]
    [InlineData("job.finished")]
    [InlineData("JOB.ACCEPTED")]
    [InlineData("accepted")]
    [InlineData("")]
    public void Apply_AnUnknownEventType_IsAnInvalidType(string eventType)
    {
        var outcome = JobLifecycle.Apply(SampleJobs.Raised(), eventType, SampleJobs.RaisedAt, SampleJobs.Now);

        Assert.Equal("type", Assert.IsType<JobEventOutcome.Refused>(outcome).Invalid.Field);
    }

    [Fact]
    public void Apply_OccurredExactly5MinutesAheadOfNow_IsApplied()
    {
        var job = SampleJobs.Raised();
        var now = job.LastEventAt;

        Assert.IsType<JobEventOutcome.Applied>(JobLifecycle.Apply(job, JobEventTypes.Accepted, now + TimeSpan.FromMinutes(5), now));
    }

    [Fact]
    public void Apply_OccurredATickMoreThan5MinutesAhead_IsAnInvalidOccurredAt()
    {
        var job = SampleJobs.Raised();
        var now = job.LastEventAt;

        var outcome = JobLifecycle.Apply(job, JobEventTypes.Accepted, now + TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1), now);

        var invalid = Assert.IsType<JobEventOutcome.Refused>(outcome).Invalid;
        Assert.Equal("occurredAt", invalid.Field);
        Assert.Contains("5 minutes", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OccurredAtTheSameInstantAsThePreviousEvent_IsApplied()
    {
        var job = SampleJobs.In(JobState.Accepted);

        Assert.IsType<JobEventOutcome.Applied>(JobLifecycle.Apply(job, JobEventTypes.Completed, job.LastEventAt, SampleJobs.Now));
    }

    [Fact]
    public void Apply_OccurredATickBeforeThePreviousEvent_IsAnInvalidOccurredAt()
    {
        var job = SampleJobs.In(JobState.Accepted);

        var outcome = JobLifecycle.Apply(job, JobEventTypes.Completed, job.LastEventAt - TimeSpan.FromTicks(1), SampleJobs.Now);

        var invalid = Assert.IsType<JobEventOutcome.Refused>(outcome).Invalid;
        Assert.Equal("occurredAt", invalid.Field);
        Assert.Contains("previous event at 2026-03-10T10:15:00Z", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AnEventOutOfTurnWithAnEarlyOccurredAt_IsAConflictFirst()
    {
        var job = SampleJobs.In(JobState.Cancelled);

        Assert.IsType<JobEventOutcome.Conflicting>(JobLifecycle.Apply(job, JobEventTypes.Completed, job.LastEventAt.AddDays(-1), SampleJobs.Now));
    }

    [Fact]
    public void Apply_AnEventOutOfTurnFromTheFuture_IsAnInvalidOccurredAtFirst()
    {
        var job = SampleJobs.In(JobState.Cancelled);

        Assert.Equal("occurredAt", Assert.IsType<JobEventOutcome.Refused>(JobLifecycle.Apply(job, JobEventTypes.Completed, SampleJobs.Now.AddHours(1), SampleJobs.Now)).Invalid.Field);
    }

    [Fact]
    public void Apply_CompletedAgainAfterADispute_KeepsTheFirstCompletion()
    {
        var disputed = SampleJobs.In(JobState.Disputed);
        var firstCompletion = disputed.FirstCompletedAt;

        var completedAgain = Assert.IsType<JobEventOutcome.Applied>(JobLifecycle.Apply(disputed, JobEventTypes.Completed, disputed.LastEventAt.AddDays(2), SampleJobs.Now)).Next;

        Assert.Equal(SampleJobs.RaisedAt.AddHours(2), firstCompletion);
        Assert.Equal(firstCompletion, completedAgain.FirstCompletedAt);
        Assert.Equal(disputed.LastEventAt.AddDays(2), completedAgain.LastEventAt);
    }

    [Fact]
    public void Apply_Approved_RecordsWhenAndSettledKeepsIt()
    {
        var approved = SampleJobs.In(JobState.Approved);
        var settled = SampleJobs.In(JobState.Settled);

        Assert.Equal(SampleJobs.RaisedAt.AddHours(3), approved.ApprovedAt);
        Assert.Equal(approved.ApprovedAt, settled.ApprovedAt);
        Assert.Null(SampleJobs.In(JobState.Completed).ApprovedAt);
    }
}
