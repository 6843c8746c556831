using HousingLedger.Functions.Jobs;
using HousingLedger.Functions.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Jobs;
using HousingLedger.Settlement;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>
/// A run records its jobs' <c>job.settled</c> ten to a transaction, with the run's row written once in each; a job that
/// cannot go with the others is left to be recorded alone, and nothing is written once the run's row has changed.
/// The appender and every trigger are off, so the storage calls this host counts are the run's own.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SettlingTogetherTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    // One oven at the contract's price, as a run would price it, so the events are ones a run records.
    private static readonly PriceBreakdown Price =
        new(Money.FromPence(34_500), Rate.Zero, 1, Rate.Zero, 0, 1, Money.FromPence(34_500), Money.FromPence(6_900), Money.FromPence(25));

    protected override IDictionary<string, string?> Settings => TriggersOffAndStorageCounted();

    private StorageOperationCounts Counts => Host.Services.GetRequiredService<StorageClients>().OperationCounts!;

    private JobEvents JobEvents => Host.Services.GetRequiredService<JobEvents>();

    private SettlementStore Settlements => Host.Services.GetRequiredService<SettlementStore>();

    [Fact]
    public async Task A_run_settles_its_jobs_ten_to_a_transaction_and_the_batch_pays_each_once()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var jobs = await ApprovedJobsAsync(setup, 23);

        var runner = Host.Services.GetRequiredService<SettlementRunner>();
        var run = runner.NewRun(Identifier.New("run"), setup.Owner.Id, AsOf);
        var before = Counts.Snapshot();
        await runner.SettleAsync(run, ActivatorUtilities.CreateInstance<ContractJobs>(Host.Services), CancellationToken.None);

        Assert.Equal(3, Counts.Snapshot().Minus(before).Batches);
        await setup.SettleAsync(setup.Owner, AsOf);
        var paid = await setup.PaidJobsAsync(setup.Owner);
        Assert.Equal(jobs.Select(job => job.Value).Order(StringComparer.Ordinal), paid.Select(p => p.JobId).Order(StringComparer.Ordinal));
        Assert.All(paid, p => Assert.Equal(run.BatchId, p.BatchId));
    }

    [Fact]
    public async Task A_job_whose_rows_are_refused_is_left_to_be_recorded_alone_and_the_others_are_recorded_together()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var jobs = await ApprovedJobsAsync(setup, 3);

        // The middle job's event claims the id its approval was recorded under, so the transaction refuses its claim.
        var approval = (await Host.Services.GetRequiredService<JobStore>().GetAsync(setup.Owner.Id, jobs[1]))!.Record.Events[^1].EventId;
        var commands = jobs.Select(job => Settle(setup.Owner.Id, job, job == jobs[1] ? TypedId.Parse<EventId>(approval) : null)).ToList();
        var guard = await RunGuardAsync(setup.Owner.Id);

        var outcome = Assert.IsType<RecordedTogether.Committed>(await JobEvents.RecordTogetherAsync(setup.Owner.Id, commands, [guard], CancellationToken.None));

        Assert.Equal([jobs[0], jobs[2]], outcome.Recorded.Select(r => r.Job.JobId));
        Assert.Equal([jobs[1]], outcome.Left.Select(c => c.JobId));
        Assert.Equal([JobState.Settled, JobState.Approved, JobState.Settled], await StatesAsync(setup.Owner.Id, jobs));
    }

    [Fact]
    public async Task Nothing_is_recorded_when_the_run_row_changed_since_it_was_read()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var jobs = await ApprovedJobsAsync(setup, 2);

        var guard = await RunGuardAsync(setup.Owner.Id, closedAfterReading: true);

        var outcome = await JobEvents.RecordTogetherAsync(setup.Owner.Id, [.. jobs.Select(job => Settle(setup.Owner.Id, job, null))], [guard], CancellationToken.None);

        Assert.IsType<RecordedTogether.SharedRowRefused>(outcome);
        Assert.Equal([JobState.Approved, JobState.Approved], await StatesAsync(setup.Owner.Id, jobs));
    }

    // The owner's jobs, raised twelve hours apart in March, each completed two days after its raise and approved.
    private static async Task<List<JobId>> ApprovedJobsAsync(SettlementSetup setup, int count)
    {
        var jobs = new List<JobId>();
        for (var i = 0; i < count; i++)
        {
            jobs.Add(TypedId.Parse<JobId>(await setup.ApprovedJobAsync(setup.Owner, March.AddHours(i * 12), TimeSpan.FromDays(2))));
        }

        return jobs;
    }

    // A run's row as read; with closedAfterReading, closed for filing since, as an overlapping run would close it.
    private async Task<StateChange> RunGuardAsync(AssociationId associationId, bool closedAfterReading = false)
    {
        var run = Host.Services.GetRequiredService<SettlementRunner>().NewRun(Identifier.New("run"), associationId, AsOf);
        await Settlements.PutRunAsync(run);
        var stored = (await Settlements.GetRunAsync(associationId, run.RunId))!;
        if (closedAfterReading)
        {
            await Settlements.PutRunAsync(run with { Status = SettlementRunStatus.Filing });
        }

        return SettlementStore.RunGuard(stored);
    }

    private static JobEventCommand Settle(AssociationId associationId, JobId jobId, EventId? eventId) =>
        new(associationId, jobId, JobEventTypes.Settled, eventId ?? SettlementEventIds.JobSettled(jobId), null, SettlementRunner.Actor, Price.ToLedgerData("bat_settlingtogether"))
        {
            WakeAppender = false,
        };

    private async Task<List<JobState>> StatesAsync(AssociationId associationId, IEnumerable<JobId> jobs)
    {
        var store = Host.Services.GetRequiredService<JobStore>();
        var states = new List<JobState>();
        foreach (var job in jobs)
        {
            states.Add((await store.GetAsync(associationId, job))!.Record.Job.State);
        }

        return states;
    }
}
