using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;
using static HousingLedger.Functions.Tests.Parties.BankDetailsApi;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>
/// A payee whose bank details changed is paid only once the paying association confirms the change: until then
/// settlement holds its jobs; the next run after the confirmation pays them, once, and the batch flags the payee
/// while the change is under 30 days old as of the run.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class BankDetailsHoldTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Jobs_are_held_until_the_association_confirms_then_the_next_run_pays_them_once_and_flags_the_payee()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        string[] ownerJobs = [await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2)), await setup.ApprovedJobAsync(setup.Owner, March.AddDays(7), TimeSpan.FromDays(2))];
        var memberJob = await setup.ApprovedJobAsync(setup.Member, March.AddDays(14), TimeSpan.FromDays(2));
        var change = (string)(await ChangedAsync(Api, setup.Supplier.SupplierId, Bank("20-30-40", "87654321"), AsOf - TimeSpan.FromDays(10)))["eventId"]!;

        var held = await setup.SettleAsync(setup.Owner, AsOf);

        Assert.Empty(held["batches"]!.AsArray());
        Assert.Equal(ownerJobs.Order(StringComparer.Ordinal), HeldJobs(held, change));
        var recorded = Assert.Single(await setup.TransactionsAsync(setup.Owner, "settlement.held", 2 + 1 + (ownerJobs.Length * 4) + 1));
        Assert.Equal(ownerJobs.Order(StringComparer.Ordinal), recorded["data"]!["jobs"]!.AsArray().Select(job => (string)job!["jobId"]!).Order(StringComparer.Ordinal));
        Assert.Empty(await setup.BatchesAsync(setup.Owner));

        using (var confirmed = await ConfirmAsync(Api, setup.Owner.ApiKey, setup.Supplier.SupplierId, change))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        // (The member's run, not the operator's: other tests leave associations in this Azurite that an operator's run would fail on.)
        var runs = await Task.WhenAll(setup.SettleAsync(setup.Owner, AsOf), setup.SettleAsync(setup.Owner, AsOf), setup.SettleAsync(setup.Member, AsOf));
        var again = await setup.SettleAsync(setup.Owner, AsOf);

        Assert.Empty(again["batches"]!.AsArray());
        Assert.Empty(again["held"]!.AsArray());
        Assert.Equal(ownerJobs.Order(StringComparer.Ordinal), (await setup.PaidJobsAsync(setup.Owner)).Select(paid => paid.JobId).Order(StringComparer.Ordinal));
        // Two concurrent runs may share the jobs between their batches (docs/settlement.md); each flags the payee.
        foreach (var batchId in (await setup.BatchesAsync(setup.Owner)).Select(batch => (string)batch["batchId"]!))
        {
            var manifest = JsonNode.Parse(await setup.FileTextAsync(setup.Owner, batchId, "manifest.json"))!;
            Assert.Equal([setup.Supplier.SupplierId], manifest["payeesWithRecentBankChanges"]!.AsArray().Select(payee => (string)payee!));
            Assert.StartsWith("20304087654321", await setup.FileTextAsync(setup.Owner, batchId, "bacs18.txt"), StringComparison.Ordinal);
        }

        // The member has not confirmed: its job stays held.
        Assert.All(runs, run => Assert.DoesNotContain(run["held"]!.AsArray(), job => ownerJobs.Contains((string)job!["jobId"]!)));
        Assert.Contains(runs[2]["held"]!.AsArray(), job => (string)job!["jobId"]! == memberJob);
        Assert.Empty(await setup.BatchesAsync(setup.Member));
    }

    [Fact]
    public async Task A_confirmed_change_over_thirty_days_before_the_run_is_paid_without_a_flag()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var jobId = await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2));
        var change = (string)(await ChangedAsync(Api, setup.Supplier.SupplierId, Bank(), AsOf - TimeSpan.FromDays(31)))["eventId"]!;
        using (var confirmed = await ConfirmAsync(Api, setup.Owner.ApiKey, setup.Supplier.SupplierId, change))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var run = await setup.SettleAsync(setup.Owner, AsOf);

        Assert.Empty(run["held"]!.AsArray());
        var batchId = (string)Assert.Single(run["batches"]!.AsArray())!["batchId"]!;
        Assert.Equal([jobId], (await setup.PaidJobsAsync(setup.Owner)).Select(paid => paid.JobId));
        var manifest = JsonNode.Parse(await setup.FileTextAsync(setup.Owner, batchId, "manifest.json"))!;
        Assert.Empty(manifest["payeesWithRecentBankChanges"]!.AsArray());
    }

    private static IEnumerable<string> HeldJobs(JsonObject run, string changeEventId) =>
        run["held"]!.AsArray()
            .Where(job => (string)job!["changeEventId"]! == changeEventId)
            .Select(job => (string)job!["jobId"]!)
            .Order(StringComparer.Ordinal);
}
