using System.Net;
using HousingLedger.Functions.Api;
using HousingLedger.Functions.Jobs;
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

    private StateStore State => Host.Services.GetRequiredService<StateStore>();

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

        var approved = await IndexAsync(setup.Owner, Chains.ContractJobsByApproval(setup.ContractId));
        Assert.Equal([(jobId, JobState.Approved)], approved);
        Assert.Equal(approved, await IndexAsync(setup.Owner, Chains.ContractJobsPayable(setup.ContractId)));
        Assert.Equal(
            [(jobId, JobState.Approved), (cancelled, JobState.Cancelled)],
            (await IndexAsync(setup.Owner, Chains.ContractJobsByDeadline(setup.ContractId))).OrderBy(job => job.JobId != jobId));

        await setup.SettleAsync(setup.Owner, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([(jobId, JobState.Settled)], await IndexAsync(setup.Owner, Chains.ContractJobsByApproval(setup.ContractId)));
        Assert.Empty(await IndexAsync(setup.Owner, Chains.ContractJobsPayable(setup.ContractId)));
        Assert.Contains((jobId, JobState.Settled), await IndexAsync(setup.Owner, Chains.ContractJobsByDeadline(setup.ContractId)));
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

        var units = (await SettledAsync(setup.Owner)).Concat(await SettledAsync(setup.Member)).ToDictionary(job => job.JobId, job => job.Price.CumulativeUnits);
        Assert.Equal(
            new Dictionary<string, long> { [a] = 2, [b] = 5, [c] = 6, [d] = 4, [e] = 5 },
            units);
    }

    private async Task<List<(string JobId, JobState State)>> IndexAsync(Association association, string prefix)
    {
        var rows = new List<(string, JobState)>();
        await foreach (var (_, row) in State.ListAsync(association.AssociationId, prefix))
        {
            var job = ContractJobIndex.Read(row);
            rows.Add((job.JobId, job.State));
        }

        return rows;
    }

    private async Task<List<Functions.Settlement.SettledJobRow>> SettledAsync(Association association)
    {
        var settled = new List<Functions.Settlement.SettledJobRow>();
        await foreach (var (_, row) in State.ListAsync(association.AssociationId, "settled|"))
        {
            settled.Add(Functions.Settlement.SettledJobRow.FromDocument(row.Document));
        }

        return settled;
    }
}
