using System.Net;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;
using HousingLedger.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>
/// The contract job index that settlement reads instead of every job: it follows each job through its life, and a
/// run reading it across associations and contract years prices every job as the rules say.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ContractJobIndexTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly DateTimeOffset March2025 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private ContractJobIndex Index => Host.Services.GetRequiredService<ContractJobIndex>();

    private SettlementStore Settlements => Host.Services.GetRequiredService<SettlementStore>();

    [Fact]
    public async Task The_index_holds_each_job_as_it_stands_and_lists_it_payable_from_approval_until_it_is_settled()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var jobId = await setup.ApprovedJobAsync(setup.Owner, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(2));
        var cancelled = await Api.RaiseJobAsync(setup.Owner, setup.ContractId);
        using (var cancel = await Api.SendWebhookAsync(setup.Supplier, ApiClient.SupplierEvent(JobEventTypes.Cancelled, cancelled)))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        var approvedAt = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal([(jobId, JobState.Approved)], await ListAsync(Index.ApprovedAsync(setup.Owner.Id, setup.Contract, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)));
        Assert.Equal(approvedAt, await Index.FirstPayableApprovalAsync(setup.Owner.Id, setup.Contract, DateTimeOffset.MaxValue));
        Assert.Equal(
            [(jobId, JobState.Approved), (cancelled, JobState.Cancelled)],
            (await ListAsync(Index.DueAsync(setup.Owner.Id, setup.Contract, DateTimeOffset.MinValue, DateTimeOffset.MaxValue))).OrderBy(job => job.JobId != jobId));

        await setup.SettleAsync(setup.Owner, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([(jobId, JobState.Settled)], await ListAsync(Index.ApprovedAsync(setup.Owner.Id, setup.Contract, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)));
        Assert.Null(await Index.FirstPayableApprovalAsync(setup.Owner.Id, setup.Contract, DateTimeOffset.MaxValue));
        Assert.Contains((jobId, JobState.Settled), await ListAsync(Index.DueAsync(setup.Owner.Id, setup.Contract, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)));
    }

    [Fact]
    public async Task A_job_approved_late_in_a_contract_year_counts_that_years_approvals_of_every_member_settled_or_not()
    {
        var setup = await SettlementSetup.CreateAsync(Api, starts: "2025-01-01");
        var a = await setup.ApprovedJobAsync(setup.Owner, March2025, TimeSpan.FromDays(2), quantity: 2);
        var b = await setup.ApprovedJobAsync(setup.Member, March2025.AddMonths(3), TimeSpan.FromDays(2), quantity: 3);
        await setup.SettleAsync(null, new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var c = await setup.ApprovedJobAsync(setup.Owner, new DateTimeOffset(2025, 12, 20, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(2));
        var d = await setup.ApprovedJobAsync(setup.Member, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(2), quantity: 4);
        var e = await setup.ApprovedJobAsync(setup.Owner, new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(2));

        await setup.SettleAsync(setup.Owner, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        await setup.SettleAsync(setup.Member, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var units = (await SettledAsync(setup.Owner)).Concat(await SettledAsync(setup.Member)).ToDictionary(job => job.JobId.Value, job => job.Price.CumulativeUnits);
        Assert.Equal(
            new Dictionary<string, long> { [a] = 2, [b] = 5, [c] = 6, [d] = 4, [e] = 5 },
            units);
    }

    private static async Task<List<(string JobId, JobState State)>> ListAsync(IAsyncEnumerable<HousingLedger.Settlement.JobSummary> rows)
    {
        var jobs = new List<(string, JobState)>();
        await foreach (var job in rows)
        {
            jobs.Add((job.JobId.Value, job.State));
        }

        return jobs;
    }

    private async Task<List<SettledJobRow>> SettledAsync(Association association)
    {
        var settled = new List<SettledJobRow>();
        await foreach (var run in Settlements.ListRunsAsync(association.Id))
        {
            await foreach (var job in Settlements.ListSettledAsync(association.Id, run.BatchId))
            {
                settled.Add(job);
            }
        }

        return settled;
    }
}
