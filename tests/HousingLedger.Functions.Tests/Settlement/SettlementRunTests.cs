using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Functions.Api;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Functions.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.PaymentFiles;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Payments;
using HousingLedger.Settlement;
using HousingLedger.Testing;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>Settlement against Azurite: every approved job paid exactly once, in one batch, whatever overlaps or stops.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SettlementRunTests(AzuriteFixture azurite)
    : ServiceTest(azurite)
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Settlement:FeePerJobPence"] = "25" };

    [Fact]
    public async Task A_job_is_settled_once_when_runs_race_and_when_the_same_asOf_is_run_again()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var jobs = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            jobs.Add(await setup.ApprovedJobAsync(setup.Owner, March.AddDays(i * 7), TimeSpan.FromDays(2)));
        }

        await Task.WhenAll(setup.SettleAsync(setup.Owner, AsOf), setup.SettleAsync(setup.Owner, AsOf), setup.SettleAsync(null, AsOf));
        var again = await setup.SettleAsync(setup.Owner, AsOf);

        Assert.Empty(again["batches"]!.AsArray());
        var paid = await setup.PaidJobsAsync(setup.Owner);
        Assert.Equal(jobs.Order(StringComparer.Ordinal), paid.Select(p => p.JobId).Order(StringComparer.Ordinal));
        var settledOnLedger = await setup.TransactionsAsync(setup.Owner, "job.settled", 2 + (jobs.Count * 5));
        Assert.Equal(jobs.Order(StringComparer.Ordinal), settledOnLedger.Select(tx => (string)tx["subject"]!).Order(StringComparer.Ordinal));
        foreach (var tx in settledOnLedger)
        {
            var batchId = (string)tx["data"]!["batchId"]!;
            Assert.Contains((batchId, (string)tx["subject"]!), paid);
        }
    }

    [Fact]
    public async Task A_job_worth_nothing_is_settled_without_a_payment_and_later_runs_still_file()
    {
        var free = await SettlementSetup.CreateAsync(Api, unitPrice: 0);
        var jobId = await free.ApprovedJobAsync(free.Owner, March, TimeSpan.FromDays(2));

        var first = await free.SettleAsync(free.Owner, AsOf);

        Assert.Empty(first["batches"]!.AsArray());
        var settled = Assert.Single(await free.TransactionsAsync(free.Owner, "job.settled", 7));
        Assert.Equal(jobId, (string)settled["subject"]!);
        Assert.Equal(0, (long)settled["data"]!["payable"]!);
        var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", free.Owner.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal("settled", (string)job["state"]!);

        // The next run is not held up by the one that had nothing to pay.
        var later = await free.ApprovedJobAsync(free.Member, March.AddDays(7), TimeSpan.FromDays(2));
        var second = await free.SettleAsync(null, AsOf.AddDays(1));
        Assert.Empty(second["batches"]!.AsArray());
        Assert.Empty(await free.BatchesAsync(free.Owner));
        var laterJob = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{later}", free.Member.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal("settled", (string)laterJob["state"]!);
    }

    [Fact]
    public async Task A_run_that_stopped_before_filing_is_filed_by_the_next_run_with_every_job_it_settled_once()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var early = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            early.Add(await setup.ApprovedJobAsync(setup.Owner, March.AddDays(i), TimeSpan.FromDays(2)));
        }

        // As a crash leaves it: jobs settled into the run's batch, the batch not filed.
        var runner = Host.Services.GetRequiredService<SettlementRunner>();
        var stopped = runner.NewRun("run_stoppedbeforefiling" + Guid.NewGuid().ToString("N")[..8], setup.Owner.Id, AsOf);
        await runner.SettleAsync(stopped, ActivatorUtilities.CreateInstance<ContractJobs>(Host.Services), CancellationToken.None);
        Assert.Empty(await setup.BatchesAsync(setup.Owner));
        var late = await setup.ApprovedJobAsync(setup.Owner, March.AddDays(10), TimeSpan.FromDays(2));

        var next = await setup.SettleAsync(setup.Owner, AsOf);

        var paid = await setup.PaidJobsAsync(setup.Owner);
        Assert.Equal(2, next["batches"]!.AsArray().Count);
        Assert.Equal(early.Order(StringComparer.Ordinal), paid.Where(p => p.BatchId == stopped.BatchId).Select(p => p.JobId).Order(StringComparer.Ordinal));
        Assert.Equal([late], paid.Where(p => p.BatchId != stopped.BatchId).Select(p => p.JobId));
        Assert.Equal(4, paid.Select(p => p.JobId).Distinct().Count());
    }

    [Fact]
    public async Task A_batch_whose_stored_file_differs_is_not_overwritten_and_other_associations_still_settle()
    {
        var (setup, memberJob) = await AnApprovedJobForEachAssociationAsync();
        var runner = Host.Services.GetRequiredService<SettlementRunner>();
        var stopped = runner.NewRun("run_tampered" + Guid.NewGuid().ToString("N")[..8], setup.Owner.Id, AsOf);
        await runner.SettleAsync(stopped, ActivatorUtilities.CreateInstance<ContractJobs>(Host.Services), CancellationToken.None);
        var files = Host.Services.GetRequiredService<PaymentFileStore>();
        var folder = PaymentFileStore.FolderOf(stopped.AssociationId.Value, stopped.Day, stopped.BatchId);
        await files.WriteAsync(folder, new PaymentFile("bacs18.txt", "text/plain", "not what settlement writes"u8));

        var failure = await Assert.ThrowsAsync<AggregateException>(() => runner.RunAsync(AsOf, [setup.Owner.Id, setup.Member.Id], CancellationToken.None));

        Assert.Contains("holds other bytes", failure.InnerExceptions.Single().Message, StringComparison.Ordinal);
        await using (var stored = await files.OpenAsync(folder, "bacs18.txt"))
        {
            Assert.Equal("not what settlement writes", await new StreamReader(stored!.Content).ReadToEndAsync());
        }

        Assert.Empty(await setup.BatchesAsync(setup.Owner));
        Assert.Equal([memberJob], (await setup.PaidJobsAsync(setup.Member)).Select(p => p.JobId));

        // Once finance has looked into it and removed the stray file, the next run files the batch.
        await Host.Services.GetRequiredService<StorageClients>().Blobs.GetBlobContainerClient(StorageNames.PaymentBatchesContainer).DeleteBlobAsync(folder + "/bacs18.txt");
        await runner.RunAsync(AsOf, [setup.Owner.Id], CancellationToken.None);
        Assert.Equal(stopped.BatchId, (string)Assert.Single(await setup.BatchesAsync(setup.Owner))["batchId"]!);
    }

    [Fact]
    public async Task A_damaged_index_row_fails_its_own_associations_part_and_the_others_still_settle()
    {
        var (setup, memberJob) = await AnApprovedJobForEachAssociationAsync();
        var state = Host.Services.GetRequiredService<StorageClients>().Tables.GetTableClient(StorageNames.StateTable);
        await state.UpsertEntityAsync(DocumentRow.Create(
            setup.Owner.AssociationId,
            $"payable|{setup.ContractId}|2026-03-01T00:00:00.0000000Z|job_damaged",
            new JsonObject { ["jobId"] = "job_damaged", ["quantity"] = "many" }));

        var failure = await Assert.ThrowsAsync<AggregateException>(
            () => Host.Services.GetRequiredService<SettlementRunner>().RunAsync(AsOf, [setup.Owner.Id, setup.Member.Id], CancellationToken.None));

        Assert.IsAssignableFrom<System.Text.Json.JsonException>(Assert.Single(failure.InnerExceptions));
        Assert.Empty(await setup.BatchesAsync(setup.Owner));
        Assert.Equal([memberJob], (await setup.PaidJobsAsync(setup.Member)).Select(p => p.JobId));
    }

    [Fact]
    public async Task Payable_is_net_plus_vat_batch_totals_are_their_lines_and_every_job_settled_recomputes_from_the_ledger()
    {
        var setup = await SettlementSetup.CreateAsync(Api);

        // Pooled volume: the owner's 60 units and the member's 50 cross the 101-unit tier (5%) on the member's job.
        await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2), quantity: 60);
        var memberJob = await setup.ApprovedJobAsync(setup.Member, March.AddDays(20), TimeSpan.FromDays(2), quantity: 50);
        await setup.SettleAsync(null, AsOf);

        var settled = Assert.Single(await setup.TransactionsAsync(setup.Member, "job.settled", 7));
        var data = settled["data"]!.AsObject();
        Assert.Equal(memberJob, (string)settled["subject"]!);
        Assert.Equal("0.05", (string)data["discountRate"]!);
        Assert.Equal(110, (long)data["cumulativeUnits"]!);
        Assert.Equal((long)data["net"]! + (long)data["vat"]!, (long)data["payable"]!);
        Assert.Equal(25, (long)data["fee"]!);

        // An auditor's recomputation: the terms from contract.joined on the member's own chain, the job from job.raised.
        var joined = Assert.Single(await setup.TransactionsAsync(setup.Member, "contract.joined", 7));
        var terms = ContractTerms.FromCanonicalJson(joined["data"]!["terms"]!.AsObject());
        var recomputed = SettlementAudit.Recompute(data.DeepClone().AsObject(), terms, "OVEN-600-SINGLE", 50);
        Assert.True(recomputed.IsValid, string.Join("; ", recomputed.Errors));

        var batch = Assert.Single(await setup.BatchesAsync(setup.Member));
        var batchId = (string)batch["batchId"]!;
        var manifest = JsonNode.Parse(await setup.FileTextAsync(setup.Member, batchId, "manifest.json"))!.AsObject();
        var csvRows = (await setup.FileTextAsync(setup.Member, batchId, "remittance.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal((long)data["payable"]!, (long)manifest["totals"]!["controlSum"]!);
        Assert.Equal(csvRows.Count, (int)manifest["totals"]!["numberOfJobs"]!);
        foreach (var name in new[] { "pain.001.001.09.xml", "bacs18.txt", "remittance.csv" })
        {
            var bytes = Encoding.UTF8.GetBytes(await setup.FileTextAsync(setup.Member, batchId, name));
            Assert.Equal((string)manifest["files"]![name]!["sha256"]!, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        var created = Assert.Single(await setup.TransactionsAsync(setup.Member, "batch.created", 7));
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(await setup.FileTextAsync(setup.Member, batchId, "manifest.json")))),
            (string)created["data"]!["manifestSha256"]!);
        Assert.Empty(manifest["payeesWithRecentBankChanges"]!.AsArray()); // registered, never changed: nothing to flag
    }

    [Fact]
    public async Task A_batch_pays_each_supplier_once_and_its_remittance_lists_their_jobs_supplier_by_supplier()
    {
        var first = await SettlementSetup.CreateAsync(Api);
        var other = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var otherContract = (string)(await Api.JsonAsync(HttpMethod.Post, "/api/contracts", first.Owner.ApiKey, ApiClient.OvenContract(other.SupplierId).ToJsonString(), HttpStatusCode.Created))["contractId"]!;
        var second = new SettlementSetup(Api, first.Owner, first.Member, other, otherContract);
        var jobs = new Dictionary<string, List<string>> { [first.Supplier.SupplierId] = [], [other.SupplierId] = [] };
        for (var n = 0; n < 3; n++)
        {
            jobs[other.SupplierId].Add(await second.ApprovedJobAsync(first.Owner, March.AddDays(n), TimeSpan.FromDays(2)));
            jobs[first.Supplier.SupplierId].Add(await first.ApprovedJobAsync(first.Owner, March.AddDays(n).AddHours(1), TimeSpan.FromDays(2)));
        }

        await first.SettleAsync(first.Owner, AsOf);

        var batchId = (string)Assert.Single(await first.BatchesAsync(first.Owner))["batchId"]!;
        var rows = (await first.FileTextAsync(first.Owner, batchId, "remittance.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => row.Split(',')).ToList();
        var expected = jobs.OrderBy(supplier => supplier.Key, StringComparer.Ordinal)
            .SelectMany(supplier => supplier.Value.Order(StringComparer.Ordinal).Select(jobId => $"{supplier.Key},{jobId}"));
        Assert.Equal(expected, rows.Select(row => $"{row[0]},{row[1]}"));
        var pain001 = System.Xml.Linq.XDocument.Parse(await first.FileTextAsync(first.Owner, batchId, "pain.001.001.09.xml"));
        Assert.Equal(2, pain001.Descendants().Count(element => element.Name.LocalName == "CdtTrfTxInf"));
        var manifest = JsonNode.Parse(await first.FileTextAsync(first.Owner, batchId, "manifest.json"))!;
        Assert.Equal(6, (int)manifest["totals"]!["numberOfJobs"]!);
        Assert.Equal(rows.Sum(row => long.Parse(row[^1], System.Globalization.CultureInfo.InvariantCulture)), (long)manifest["totals"]!["controlSum"]!);
    }

    [Fact]
    public async Task One_late_job_in_ten_across_both_associations_takes_the_penalty_off_every_payment()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        for (var i = 0; i < 9; i++)
        {
            await setup.ApprovedJobAsync(i % 2 == 0 ? setup.Owner : setup.Member, March.AddDays(i * 3), TimeSpan.FromDays(2));
        }

        // Urgent jobs are due in seven days; this one was completed after ten.
        await setup.ApprovedJobAsync(setup.Member, March.AddDays(30), TimeSpan.FromDays(10));
        await setup.SettleAsync(null, AsOf);

        var settled = await setup.TransactionsAsync(setup.Owner, "job.settled", 2 + (5 * 5));
        Assert.Equal(5, settled.Count);
        Assert.All(settled, tx =>
        {
            Assert.Equal(1, (int)tx["data"]!["lateJobs"]!);
            Assert.Equal(10, (int)tx["data"]!["jobsInScope"]!);
            Assert.Equal("0.2", (string)tx["data"]!["penaltyRate"]!);
            Assert.Equal(27600, (long)tx["data"]!["net"]!);
        });
    }

    [Fact]
    public async Task Finance_sees_only_its_own_associations_batches_and_only_their_four_files()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2));
        await setup.SettleAsync(setup.Owner, AsOf);
        var batchId = (string)Assert.Single(await setup.BatchesAsync(setup.Owner))["batchId"]!;

        Assert.Empty(await setup.BatchesAsync(setup.Member));
        foreach (var path in new[] { $"/api/payment-batches/{batchId}", $"/api/payment-batches/{batchId}/files/bacs18.txt" })
        {
            using var other = await Api.SendAsync(HttpMethod.Get, path, setup.Member.ApiKey);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using var unknown = await Api.SendAsync(HttpMethod.Get, $"/api/payment-batches/{batchId}/files/secrets.txt", setup.Owner.ApiKey);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (finance, _) = await Api.IssueKeyAsync(setup.Owner, "finance");
        using var auditor = await Api.SendAsync(HttpMethod.Get, "/api/payment-batches", (await Api.IssueKeyAsync(setup.Owner, "auditor")).Key.ApiKey);
        Assert.Equal(batchId, (string)Assert.Single(await setup.BatchesAsync(finance))["batchId"]!);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        using var bacs = await Api.SendAsync(HttpMethod.Get, $"/api/payment-batches/{batchId}/files/bacs18.txt", finance.ApiKey);
        var bacsBytes = await bacs.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/plain", bacs.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bacsBytes.Length, bacs.Content.Headers.ContentLength);
        Assert.Equal("bacs18.txt", bacs.Content.Headers.ContentDisposition?.FileName);
        Assert.All(Encoding.ASCII.GetString(bacsBytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries), record => Assert.Equal(100, record.Length));
    }

    [Fact]
    public async Task The_Settlement_timer_function_settles_every_association()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var ownerJob = await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2));
        var memberJob = await setup.ApprovedJobAsync(setup.Member, March, TimeSpan.FromDays(2));
        var settlement = Host.Services.GetRequiredService<FunctionCatalog>().Timers.Single(t => t.Name == "Settlement");

        var ran = await Host.Services.GetRequiredService<FunctionInvoker>().InvokeAsync(settlement, new TimerInfo(), "a tick of the test", CancellationToken.None);

        Assert.True(ran, "The Settlement function failed; the log says why.");
        Assert.Equal([ownerJob], (await setup.PaidJobsAsync(setup.Owner)).Select(p => p.JobId));
        Assert.Equal([memberJob], (await setup.PaidJobsAsync(setup.Member)).Select(p => p.JobId));
    }

    [Fact]
    public async Task A_settlement_as_of_the_future_is_refused()
    {
        var association = await Api.OnboardAssociationAsync();
        using var response = await Api.SendAsync(HttpMethod.Post, "/api/settlements", association.ApiKey, """{"asOf":"2099-01-01T00:00:00Z"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // The shared set-up and one job approved in March by each association; returns the member's job.
    private async Task<(SettlementSetup Setup, string MemberJob)> AnApprovedJobForEachAssociationAsync()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        await setup.ApprovedJobAsync(setup.Owner, March, TimeSpan.FromDays(2));
        return (setup, await setup.ApprovedJobAsync(setup.Member, March, TimeSpan.FromDays(2)));
    }
}
