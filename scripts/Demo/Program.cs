using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Demo;
using HousingLedger.Settlement;
using HousingLedger.Values;
using HousingLedger.Webhooks;

// Tells HousingLedger's story against a running service: two associations share an oven framework, a year of jobs
// pools their volume past a discount tier while the supplier runs late too often, and settlement writes the payment
// files. Usage: dotnet run --project scripts/Demo -- <base url> <operator key>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: HousingLedger.Demo <base url, e.g. http://127.0.0.1:7071> <operator api key>");
    return 2;
}

using var api = new DemoApi(new Uri(args[0].TrimEnd('/') + "/"), args[1]);
var now = DateTimeOffset.UtcNow;
var starts = new DateOnly(now.Year, now.Month, 1).AddMonths(-13);

Say("1. The operator onboards two associations and their oven supplier.");
var riverside = await OnboardAsync("Riverside Homes", "20-00-00", "55779911");
var hillside = await OnboardAsync("Hillside Housing", "30-90-12", "10203040");
var supplier = await api.PostAsync("/api/suppliers", api.OperatorKey, new JsonObject
{
    ["name"] = "Acme Ovens Ltd",
    ["workOrderUrl"] = "http://127.0.0.1:9/acme-work-orders",
    ["bank"] = new JsonObject { ["sortCode"] = "40-11-22", ["accountNumber"] = "12345678", ["accountName"] = "Acme Ovens Ltd" },
});
var supplierId = (string)supplier["supplierId"]!;
if (!WebhookSecret.TryParse((string)supplier["webhookSecret"]!, out var secret))
{
    throw new InvalidOperationException("The service answered a webhook secret that is not in whsec_ form.");
}

Say($"   {riverside.Id} Riverside Homes, {hillside.Id} Hillside Housing, {supplierId} Acme Ovens Ltd");

Say($"2. Riverside registers an oven framework from {starts:yyyy-MM-dd} and shares it with Hillside.");
var contract = await api.PostAsync("/api/contracts", riverside.Key, Terms(supplierId, starts));
var contractId = (string)contract["contractId"]!;
await api.PostAsync($"/api/contracts/{contractId}/members", riverside.Key, new JsonObject { ["associationId"] = hillside.Id });
Say($"   {contractId}: £345.00 an oven; 5% from the 101st unit, 8% from the 501st, pooled across both;");
Say("   urgent jobs due in 7 days; 20% off everything once 10% or more of a year's jobs are late.");

Say("3. A year of jobs, synchronised late from both associations' systems (business times in the past):");
int[] lateMonths = [3, 7, 10];
for (var month = 0; month < 12; month++)
{
    foreach (var (association, quantity) in new[] { (riverside, 6), (hillside, 4) })
    {
        var raisedAt = new DateTimeOffset(starts.AddMonths(month).AddDays(association == riverside ? 3 : 9).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var late = association == hillside && lateMonths.Contains(month);
        var completedAt = raisedAt + TimeSpan.FromDays(late ? 10 : 2);
        var jobId = await ApprovedJobAsync(association, raisedAt, completedAt, quantity);
        Say($"   {raisedAt:yyyy-MM-dd} {association.Name,-16} {quantity} ovens  {jobId}  completed in {(completedAt - raisedAt).Days,2} days{(late ? "  LATE" : string.Empty)}");
    }
}

Say("   Both associations' units count towards one pooled total: jobs approved once it passes 100 units earn 5%.");
Say("   Hillside's late jobs put the supplier over 10% late in the last 12 months: this settlement takes 20% off.");

var asOf = now.AddMinutes(-1);
Say($"4. Each association settles as of {UtcTimestamp.Format(asOf)} (POST /api/settlements).");
foreach (var association in new[] { riverside, hillside })
{
    var run = await api.PostAsync("/api/settlements", association.Key, new JsonObject { ["asOf"] = UtcTimestamp.Format(asOf) });
    foreach (var batch in run["batches"]!.AsArray())
    {
        Say($"   {association.Name}: run {run["runId"]}, batch {batch!["batchId"]}, {batch["numberOfJobs"]} jobs, £{Pounds((long)batch["controlSum"]!)}");
    }
}

Say("5. Riverside's finance team fetches its payment files (GET /api/payment-batches/...):");
var listed = (await api.GetJsonAsync("/api/payment-batches", riverside.Key))["batches"]!.AsArray();
var batchRow = listed[^1]!;
var batchId = (string)batchRow["batchId"]!;
Say($"   stored under payment-batches/{batchRow["folder"]}/ ; payees flagged for recent bank-detail changes: {batchRow["payeesWithRecentBankChanges"]!.ToJsonString()}");
Say("   manifest.json:");
var manifest = JsonNode.Parse(await api.GetTextAsync($"/api/payment-batches/{batchId}", riverside.Key))!;
Say(Indent(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), 6));
Say("   bacs18.txt (first lines):");
Say(Indent(Head(await api.GetTextAsync($"/api/payment-batches/{batchId}/files/bacs18.txt", riverside.Key), 3), 6));
Say("   remittance.csv (first lines):");
Say(Indent(Head(await api.GetTextAsync($"/api/payment-batches/{batchId}/files/remittance.csv", riverside.Key), 4), 6));
Say("   pain.001.001.09.xml (first lines):");
Say(Indent(Head(await api.GetTextAsync($"/api/payment-batches/{batchId}/files/pain.001.001.09.xml", riverside.Key), 6), 6));

Say("6. Every figure is on Riverside's ledger: a job.settled per job, batch.created with the manifest's SHA-256.");
var chain = await WaitForBatchOnChainAsync(riverside, batchId);
var settled = chain.Where(tx => (string)tx["type"]! == "job.settled").ToList();
var last = settled[^1];
var figures = last["data"]!.AsObject();
Say($"   {settled.Count} job.settled; the last, for {last["subject"]}: {figures.ToJsonString()}");
Say($"   {figures["lateJobs"]} of the {figures["jobsInScope"]} jobs due in the window were late; {figures["cumulativeUnits"]} pooled units by this job.");

// An auditor's check, from the chain alone: the terms recorded with the contract, the item and quantity recorded
// when the job was raised, and the counts recorded when it was settled.
var terms = ContractTerms.FromCanonicalJson(chain.Single(tx => (string)tx["type"]! == "contract.registered")["data"]!["terms"]!.AsObject());
var raisedData = chain.Single(tx => (string)tx["type"]! == "job.raised" && (string)tx["subject"]! == (string)last["subject"]!)["data"]!;
var recomputed = SettlementAudit.Recompute(figures.DeepClone().AsObject(), terms, (string)raisedData["itemCode"]!, (int)raisedData["quantity"]!);
Say(recomputed.IsValid
    ? $"   Recomputed from the chain: net {recomputed.Value.Net.Pence} + VAT {recomputed.Value.Vat.Pence} = payable {recomputed.Value.Payable.Pence} pence, as recorded."
    : $"   Recomputed from the chain: DIFFERS: {string.Join("; ", recomputed.Errors)}");
var created = chain.Single(tx => (string)tx["type"]! == "batch.created");
Say($"   batch.created {created["data"]!["batchId"]}: manifestSha256 {created["data"]!["manifestSha256"]}");
var verify = await api.GetJsonAsync($"/api/ledger/{riverside.Id}/verify", riverside.Key);
Say($"   GET /api/ledger/{riverside.Id}/verify: {verify.ToJsonString()}");
Say("Done. docs/settlement.md shows how an auditor recomputes each payment from the chain alone.");
return 0;

async Task<(string Id, string Key, string Name)> OnboardAsync(string name, string sortCode, string accountNumber)
{
    var answer = await api.PostAsync("/api/associations", api.OperatorKey, new JsonObject
    {
        ["name"] = name,
        ["bank"] = new JsonObject { ["sortCode"] = sortCode, ["accountNumber"] = accountNumber, ["accountName"] = name },
    });
    return ((string)answer["associationId"]!, (string)answer["apiKey"]!, name);
}

async Task<string> ApprovedJobAsync((string Id, string Key, string Name) association, DateTimeOffset raisedAt, DateTimeOffset completedAt, int quantity)
{
    var raised = await api.PostAsync("/api/jobs", association.Key, new JsonObject
    {
        ["contractId"] = contractId,
        ["itemCode"] = "OVEN-600-SINGLE",
        ["quantity"] = quantity,
        ["priority"] = "urgent",
        ["propertyRef"] = "UPRN-" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
        ["raisedAt"] = UtcTimestamp.Format(raisedAt),
    });
    var jobId = (string)raised["jobId"]!;
    await api.SupplierSaysAsync(supplierId, secret, "job.accepted", jobId, raisedAt.AddHours(2));
    await api.SupplierSaysAsync(supplierId, secret, "job.completed", jobId, completedAt);
    await api.PostAsync($"/api/jobs/{jobId}/approval", association.Key, new JsonObject
    {
        ["decision"] = "approved",
        ["occurredAt"] = UtcTimestamp.Format(completedAt.AddDays(1)),
    });
    return jobId;
}

async Task<List<JsonObject>> WaitForBatchOnChainAsync((string Id, string Key, string Name) association, string batch)
{
    for (var attempt = 0; ; attempt++)
    {
        var export = await api.GetTextAsync($"/api/ledger/{association.Id}/export", association.Key);
        var transactions = export.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => JsonNode.Parse(line)!["transactions"]!.AsArray())
            .Select(tx => tx!.AsObject())
            .ToList();
        if (transactions.Any(tx => (string)tx["type"]! == "batch.created" && (string?)tx["data"]!["batchId"] == batch) || attempt == 60)
        {
            return transactions;
        }

        await Task.Delay(500);
    }
}

static JsonObject Terms(string supplierId, DateOnly starts) => new()
{
    ["title"] = "Cooker and oven replacement framework",
    ["supplierId"] = supplierId,
    ["starts"] = starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ["ends"] = starts.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ["vatRate"] = "0.20",
    ["items"] = new JsonArray(new JsonObject { ["code"] = "OVEN-600-SINGLE", ["description"] = "Supply and fit 60 cm electric single oven", ["unitPrice"] = 34500 }),
    ["timescales"] = new JsonObject { ["emergency"] = "PT24H", ["urgent"] = "P7D", ["routine"] = "P28D" },
    ["volumeDiscount"] = new JsonObject
    {
        ["tiers"] = new JsonArray(
            new JsonObject { ["minUnits"] = 1, ["rate"] = "0" },
            new JsonObject { ["minUnits"] = 101, ["rate"] = "0.05" },
            new JsonObject { ["minUnits"] = 501, ["rate"] = "0.08" }),
    },
    ["latePenalty"] = new JsonObject { ["window"] = "P12M", ["threshold"] = "0.10", ["reduction"] = "0.20" },
};

static string Pounds(long pence) => (pence / 100m).ToString("N2", CultureInfo.InvariantCulture);

static string Head(string text, int lines) => string.Join('\n', text.Split('\n').Take(lines).Select(line => line.TrimEnd('\r')));

static string Indent(string text, int spaces) => string.Join('\n', text.Split('\n').Select(line => new string(' ', spaces) + line));

static void Say(string line) => Console.WriteLine(line);
