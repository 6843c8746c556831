using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Jobs;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Functions.Tests.Jobs;

/// <summary>
/// <c>GET /api/jobs</c>: an association's own jobs a page at a time, newest raised first, with its filters and the
/// overdue and awaiting-approval marks, read from the list rows written with each job.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class JobListTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private static readonly DateTimeOffset January = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Paging_returns_every_job_of_the_association_once_newest_first_and_none_of_another()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var raised = new List<(string JobId, DateTimeOffset RaisedAt)>();
        for (var i = 0; i < 7; i++)
        {
            // Two jobs share each instant but the last, so paging must also part jobs raised together.
            var at = January.AddDays(i / 2);
            raised.Add((await RaiseAsync(setup.Owner, setup.ContractId, "urgent", at), at));
        }

        await RaiseAsync(setup.Member, setup.ContractId, "urgent", January);

        var pages = new List<List<JsonObject>>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(setup.Owner, "limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            pages.Add(Jobs(page));
            cursor = (string?)page["next"];
            Assert.True(pages.Count <= 3, "the list did not end after three pages of three");
        }
        while (cursor is not null);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        var listed = pages.SelectMany(p => p).ToList();
        var expected = raised.OrderByDescending(r => r.RaisedAt).ThenBy(r => r.JobId, StringComparer.Ordinal).Select(r => r.JobId);
        Assert.Equal(expected, listed.Select(j => (string)j["jobId"]!));
        Assert.All(listed, job => Assert.Equal(setup.ContractId, (string)job["contractId"]!));
    }

    [Fact]
    public async Task Each_filter_lets_through_only_its_jobs_and_overdue_and_awaiting_approval_are_marked()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var owner = setup.Owner;
        var overdue = await RaiseAsync(owner, setup.ContractId, "urgent", January);
        var approved = await setup.ApprovedJobAsync(owner, January.AddDays(1), TimeSpan.FromDays(2));
        var completed = await RaiseAsync(owner, setup.ContractId, "emergency", DateTimeOffset.UtcNow.AddHours(-1));
        await SupplierSaysAsync(setup.Supplier, JobEventTypes.Accepted, completed);
        await SupplierSaysAsync(setup.Supplier, JobEventTypes.Completed, completed);
        var routine = await RaiseAsync(owner, setup.ContractId, "routine", DateTimeOffset.UtcNow.AddMinutes(-1));
        var otherSupplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var otherContract = await Api.RegisterContractAsync(owner, otherSupplier.SupplierId);
        var elsewhere = await RaiseAsync(owner, otherContract, "routine", January.AddDays(2));

        var all = Jobs(await ListAsync(owner, ""));
        Assert.Equal(5, all.Count);
        var marks = all.ToDictionary(j => (string)j["jobId"]!, j => ((bool)j["overdue"]!, (bool)j["awaitingApproval"]!));
        Assert.Equal((true, false), marks[overdue]);
        Assert.Equal((false, false), marks[approved]);
        Assert.Equal((false, true), marks[completed]);
        Assert.Equal((false, false), marks[routine]);
        Assert.Equal((true, false), marks[elsewhere]);
        var first = all.Single(j => (string)j["jobId"]! == overdue);
        Assert.Equal(("raised", "urgent", setup.Supplier.SupplierId, "OVEN-600-SINGLE", "UPRN-100023336956"),
            ((string)first["state"]!, (string)first["priority"]!, (string)first["supplierId"]!, (string)first["itemCode"]!, (string)first["propertyRef"]!));
        Assert.Equal(("2026-01-05T09:00:00Z", "2026-01-12T09:00:00Z"), ((string)first["raisedAt"]!, (string)first["deadline"]!));

        await AssertListsAsync(owner, "state=completed", completed);
        await AssertListsAsync(owner, "state=approved", approved);
        await AssertListsAsync(owner, "overdue=true", overdue, elsewhere);
        await AssertListsAsync(owner, "overdue=false", approved, completed, routine);
        await AssertListsAsync(owner, "priority=routine", routine, elsewhere);
        await AssertListsAsync(owner, $"supplierId={otherSupplier.SupplierId}", elsewhere);
        await AssertListsAsync(owner, $"contractId={setup.ContractId}", overdue, approved, completed, routine);
        await AssertListsAsync(owner, $"contractId={otherContract}&priority=urgent");

        // raisedFrom is inclusive and raisedTo exclusive, so consecutive ranges part the jobs between them.
        await AssertListsAsync(owner, "raisedFrom=2026-01-05T09:00:00Z&raisedTo=2026-01-07T09:00:00Z", overdue, approved);
        await AssertListsAsync(owner, "raisedFrom=2026-01-05T09:00:01Z&raisedTo=2026-01-07T09:00:01Z", approved, elsewhere);
        await AssertListsAsync(owner, "raisedTo=2026-01-05T09:00:00Z");

        foreach (var role in new[] { "finance", "auditor" })
        {
            var (key, _) = await Api.IssueKeyAsync(owner, role);
            Assert.Equal(5, Jobs(await ListAsync(key, "")).Count);
        }
    }

    [Fact]
    public async Task A_bad_parameter_is_refused_with_a_problem_naming_it()
    {
        var association = await Api.OnboardAssociationAsync();
        string[][] cases =
        [
            ["limit=0", "limit"], ["limit=101", "limit"], ["limit=ten", "limit"], ["limit=1&limit=2", "limit"],
            ["cursor=page2", "cursor"], ["cursor=0000000000000000001.job'x", "cursor"], ["cursor=", "cursor"],
            ["state=overdue", "state"], ["state=Raised", "state"], ["priority=Urgent", "priority"], ["overdue=yes", "overdue"],
            ["raisedFrom=2026-13-01T00:00:00Z", "raisedFrom"], ["raisedTo=2026-01-01", "raisedTo"],
            ["supplierId=sup%27%20or%20%271%27", "supplierId"], ["contractId=", "contractId"],
        ];
        foreach (var (query, field) in cases.Select(c => (c[0], c[1])))
        {
            using var response = await Api.SendAsync(HttpMethod.Get, "/api/jobs?" + query, association.ApiKey);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: expected 400, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
            Assert.True(errors.Select(e => e.Key).SequenceEqual([field]), $"{query}: expected errors naming only {field}, got {text}");
        }
    }

    private async Task AssertListsAsync(Association association, string query, params string[] jobIds)
    {
        var listed = Jobs(await ListAsync(association, query)).Select(j => (string)j["jobId"]!).Order(StringComparer.Ordinal);
        Assert.True(listed.SequenceEqual(jobIds.Order(StringComparer.Ordinal)), $"?{query}: expected [{string.Join(", ", jobIds)}], got [{string.Join(", ", listed)}]");
    }

    private Task<JsonObject> ListAsync(Association association, string query) => ListAsync(association.ApiKey, query);

    private Task<JsonObject> ListAsync(string apiKey, string query) => Api.JsonAsync(HttpMethod.Get, "/api/jobs?" + query, apiKey, expect: HttpStatusCode.OK);

    private static List<JsonObject> Jobs(JsonObject page) => [.. page["jobs"]!.AsArray().Select(j => j!.AsObject())];

    private Task<string> RaiseAsync(Association association, string contractId, string priority, DateTimeOffset raisedAt) =>
        Api.RaiseJobAsync(association, contractId, priority: priority, raisedAt: raisedAt);

    private async Task SupplierSaysAsync(Supplier supplier, string type, string jobId)
    {
        using var response = await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(type, jobId));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{type} for {jobId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
