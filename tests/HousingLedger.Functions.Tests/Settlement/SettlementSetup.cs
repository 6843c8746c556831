using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>
/// Two associations sharing the oven framework of <see cref="ApiClient.OvenContract"/>, and jobs walked to approval
/// at business times in the past, as a year of work synchronised late would arrive.
/// </summary>
public sealed class SettlementSetup(ApiClient api, Association owner, Association member, Supplier supplier, string contractId)
{
    public Association Owner { get; } = owner;

    public Association Member { get; } = member;

    public Supplier Supplier { get; } = supplier;

    public string ContractId { get; } = contractId;

    /// <summary>The contract's id as the service's own types take it.</summary>
    public ContractId Contract => TypedId.Parse<ContractId>(ContractId);

    /// <summary>The set-up, the contract's oven priced at <paramref name="unitPrice"/> and in force from <paramref name="starts"/> (by default 2026-01-01).</summary>
    public static async Task<SettlementSetup> CreateAsync(ApiClient api, long unitPrice = 34500, string? starts = null)
    {
        var owner = await api.OnboardAssociationAsync("Riverside Homes");
        var member = await api.OnboardAssociationAsync("Hillside Housing");
        var supplier = await api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var terms = ApiClient.OvenContract(supplier.SupplierId);
        terms["items"]![0]!["unitPrice"] = unitPrice;
        terms["starts"] = starts ?? (string)terms["starts"]!;
        var contractId = (string)(await api.JsonAsync(HttpMethod.Post, "/api/contracts", owner.ApiKey, terms.ToJsonString(), HttpStatusCode.Created))["contractId"]!;
        await api.JsonAsync(
            HttpMethod.Post, $"/api/contracts/{contractId}/members", owner.ApiKey, new JsonObject { ["associationId"] = member.AssociationId }.ToJsonString(), HttpStatusCode.OK);
        return new SettlementSetup(api, owner, member, supplier, contractId);
    }

    /// <summary>09:00 on the first of the month <paramref name="months"/> before <paramref name="now"/>'s: every urgent (P7D) deadline of a job raised then falls in that month.</summary>
    public static DateTimeOffset FirstOfMonthBefore(DateTimeOffset now, int months) =>
        new DateTimeOffset(now.Year, now.Month, 1, 9, 0, 0, TimeSpan.Zero).AddMonths(-months);

    /// <summary>Raises a job at <paramref name="raisedAt"/> and has it accepted, completed after <paramref name="completedAfter"/> and approved a day later.</summary>
    public async Task<string> ApprovedJobAsync(Association association, DateTimeOffset raisedAt, TimeSpan completedAfter, int quantity = 1)
    {
        var raise = new JsonObject
        {
            ["contractId"] = ContractId,
            ["itemCode"] = "OVEN-600-SINGLE",
            ["quantity"] = quantity,
            ["priority"] = "urgent",
            ["propertyRef"] = "UPRN-100023336956",
            ["raisedAt"] = UtcTimestamp.Format(raisedAt),
        };
        var jobId = (string)(await api.JsonAsync(HttpMethod.Post, "/api/jobs", association.ApiKey, raise.ToJsonString(), HttpStatusCode.Accepted))["jobId"]!;
        await SupplierSaysAsync(JobEventTypes.Accepted, jobId, raisedAt.AddHours(1));
        await SupplierSaysAsync(JobEventTypes.Completed, jobId, raisedAt + completedAfter);
        var approval = new JsonObject { ["decision"] = "approved", ["occurredAt"] = UtcTimestamp.Format(raisedAt + completedAfter + TimeSpan.FromDays(1)) };
        await api.JsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/approval", association.ApiKey, approval.ToJsonString(), HttpStatusCode.Accepted);
        return jobId;
    }

    /// <summary>
    /// Two of the owner's jobs, raised three months before <paramref name="now"/>, settled as of it: 101 units reach the
    /// 5% tier, and one of the two late passes the 10% threshold, so both take the 20% penalty. Answers their
    /// <c>job.settled</c> transactions, once on the owner's chain.
    /// </summary>
    public async Task<List<JsonObject>> SettleDiscountedAndPenalisedJobsAsync(DateTimeOffset now)
    {
        var start = FirstOfMonthBefore(now, 3);
        await ApprovedJobAsync(Owner, start, TimeSpan.FromDays(2), quantity: 101);
        await ApprovedJobAsync(Owner, start.AddDays(1), TimeSpan.FromDays(10));
        await SettleAsync(Owner, now);
        return await TransactionsAsync(Owner, "job.settled", 2 + (2 * 5) + 1);
    }

    /// <summary>Runs settlement as <paramref name="caller"/> (an association's admin, or the operator when null).</summary>
    public async Task<JsonObject> SettleAsync(Association? caller, DateTimeOffset asOf) =>
        await api.JsonAsync(
            HttpMethod.Post, "/api/settlements", caller?.ApiKey ?? ServiceHost.OperatorKey,
            new JsonObject { ["asOf"] = UtcTimestamp.Format(asOf) }.ToJsonString(), HttpStatusCode.OK);

    /// <summary>Every job id in every batch of <paramref name="association"/>'s remittance files, a job once per line it has.</summary>
    public async Task<List<(string BatchId, string JobId)>> PaidJobsAsync(Association association)
    {
        var paid = new List<(string, string)>();
        foreach (var batch in await BatchesAsync(association))
        {
            var batchId = (string)batch["batchId"]!;
            var csv = await FileTextAsync(association, batchId, "remittance.csv");
            paid.AddRange(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => (batchId, row.Split(',')[1])));
        }

        return paid;
    }

    public async Task<List<JsonObject>> BatchesAsync(Association association) =>
        [.. (await api.JsonAsync(HttpMethod.Get, "/api/payment-batches", association.ApiKey, expect: HttpStatusCode.OK))["batches"]!.AsArray().Select(b => b!.AsObject())];

    public async Task<string> FileTextAsync(Association association, string batchId, string name)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"/api/payment-batches/{batchId}/files/{name}", association.ApiKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} of {batchId}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>The transactions of <paramref name="association"/>'s chain of one type, once the chain holds at least <paramref name="atLeast"/>.</summary>
    public async Task<List<JsonObject>> TransactionsAsync(Association association, string type, long atLeast)
    {
        await api.WaitForChainAsync(association, atLeast);
        return await TransactionsAsync(api, association, type);
    }

    /// <summary>The transactions of one type on <paramref name="association"/>'s chain as it stands, from its export.</summary>
    public static async Task<List<JsonObject>> TransactionsAsync(ApiClient api, Association association, string type)
    {
        using var export = await api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/export", association.ApiKey);
        return [.. (await export.Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => JsonNode.Parse(line)!["transactions"]!.AsArray())
            .Select(tx => tx!.AsObject())
            .Where(tx => (string)tx["type"]! == type)];
    }

    private async Task SupplierSaysAsync(string type, string jobId, DateTimeOffset occurredAt)
    {
        var body = new JsonObject { ["type"] = type, ["jobId"] = jobId, ["occurredAt"] = UtcTimestamp.Format(occurredAt), ["data"] = new JsonObject() };
        using var response = await api.SendWebhookAsync(Supplier, body.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{type} for {jobId} at {occurredAt.ToString("O", CultureInfo.InvariantCulture)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
