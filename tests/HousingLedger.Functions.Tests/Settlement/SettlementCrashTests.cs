using System.Net;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>Kill the host in the middle of a settlement run: the next run pays every job once, each in one whole batch.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SettlementCrashTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string keyPath = Path.Combine(Path.GetTempPath(), "hl-test-keys", "settlement-crash-signing-key.pem");

    [Fact]
    public async Task A_run_killed_while_settling_is_filed_by_the_next_run_and_every_job_is_paid_once()
    {
        SettlementSetup setup;
        var jobs = new List<string>();
        await using (var doomed = await HostProcess.StartAsync(azurite.ConnectionString, keyPath))
        {
            using var api = new ApiClient(doomed.BaseAddress);
            setup = await SettlementSetup.CreateAsync(api);
            for (var i = 0; i < 40; i++)
            {
                jobs.Add(await setup.ApprovedJobAsync(setup.Owner, March.AddHours(i * 12), TimeSpan.FromDays(2)));
            }

            // Kill the host as soon as the first job (in approval order) is settled, with the rest still to come.
            var run = setup.SettleAsync(setup.Owner, AsOf);
            while (!run.IsCompleted && (string?)(await api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobs[0]}", setup.Owner.ApiKey, expect: HttpStatusCode.OK))["state"] != "settled")
            {
            }

            doomed.Kill();
            try
            {
                await run;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
            {
                // The run died with the host, before answering.
            }
        }

        await using var restarted = await HostProcess.StartAsync(azurite.ConnectionString, keyPath);
        using var check = new ApiClient(restarted.BaseAddress);
        var after = new SettlementSetup(check, setup.Owner, setup.Member, setup.Supplier, setup.ContractId);
        await after.SettleAsync(setup.Owner, AsOf);

        var paid = await after.PaidJobsAsync(setup.Owner);
        Assert.Equal(jobs.Order(StringComparer.Ordinal), paid.Select(p => p.JobId).Order(StringComparer.Ordinal));
        var batches = await after.BatchesAsync(setup.Owner);
        Assert.InRange(batches.Count, 1, 2);
        var settled = await after.TransactionsAsync(setup.Owner, "job.settled", 2 + (jobs.Count * 5) + batches.Count);
        Assert.Equal(jobs.Count, settled.Count);
        Assert.All(settled, tx => Assert.Contains(((string)tx["data"]!["batchId"]!, (string)tx["subject"]!), paid));
        var created = await SettlementSetup.TransactionsAsync(check, setup.Owner, "batch.created");
        Assert.Equal(batches.Select(b => (string)b["batchId"]!).Order(StringComparer.Ordinal), created.Select(tx => (string)tx["subject"]!).Order(StringComparer.Ordinal));
    }
}
