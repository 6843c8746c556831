using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Performance;

/// <summary>
/// <c>GET /api/suppliers/{supplierId}/performance</c>: a supplier's on-time record for the calling association over the
/// rolling 12 months, month by month against the contract's threshold, and its jobs open and late.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SupplierPerformanceTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    [Fact]
    public async Task Each_month_counts_the_associations_own_jobs_due_on_time_and_late_as_a_hand_count_does()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var now = DateTimeOffset.UtcNow;
        var start = SettlementSetup.FirstOfMonthBefore(now, 3);
        await setup.ApprovedJobAsync(setup.Owner, start, TimeSpan.FromDays(2));
        await setup.ApprovedJobAsync(setup.Owner, start.AddDays(1), TimeSpan.FromDays(10));
        var open = await Api.RaiseJobAsync(setup.Owner, setup.ContractId, raisedAt: start.AddDays(2));
        await setup.ApprovedJobAsync(setup.Member, start, TimeSpan.FromDays(10));

        var report = await PerformanceAsync(setup.Owner, setup.Supplier.SupplierId, "");

        Assert.Equal(setup.Supplier.SupplierId, (string)report["supplierId"]!);
        var contract = Assert.Single(report["contracts"]!.AsArray())!.AsObject();
        Assert.Equal((setup.ContractId, "0.1"), ((string)contract["contractId"]!, (string)contract["latePenaltyThreshold"]!));
        var months = contract["months"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), (string)months[^1]["month"]!);
        var counted = months.Single(m => (int)m["due"]! > 0);
        Assert.Equal(start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), (string)counted["month"]!);
        Assert.Equal((3, 1, 2, "0.3333", "0.6667"),
            ((int)counted["due"]!, (int)counted["onTime"]!, (int)counted["late"]!, (string)counted["onTimeRatio"]!, (string)counted["lateRatio"]!));
        Assert.All(months.Where(m => m != counted), m => Assert.Null(m["onTimeRatio"]));
        var late = Assert.Single(contract["openAndLate"]!.AsArray())!.AsObject();
        Assert.Equal((open, "raised"), ((string)late["jobId"]!, (string)late["state"]!));

        // The member association sees only its own job under the shared contract: late.
        var member = await PerformanceAsync(setup.Member, setup.Supplier.SupplierId, $"?contractId={setup.ContractId}");
        var memberMonth = member["contracts"]![0]!["months"]!.AsArray().Single(m => (int)m!["due"]! > 0)!;
        Assert.Equal((1, 0, 1), ((int)memberMonth["due"]!, (int)memberMonth["onTime"]!, (int)memberMonth["late"]!));
    }

    [Fact]
    public async Task A_supplier_without_a_contract_of_the_association_is_not_found_as_an_unknown_one_and_a_bad_contract_id_is_named()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var stranger = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));

        var notHeld = await ProblemAsync(setup.Owner, $"/api/suppliers/{stranger.SupplierId}/performance", HttpStatusCode.NotFound);
        var unknown = await ProblemAsync(setup.Owner, "/api/suppliers/sup_nosuchsupplier/performance", HttpStatusCode.NotFound);
        Assert.Equal((string)unknown["type"]!, (string)notHeld["type"]!);
        Assert.Equal(((string)unknown["detail"]!).Replace("sup_nosuchsupplier", stranger.SupplierId, StringComparison.Ordinal), (string)notHeld["detail"]!);
        await ProblemAsync(setup.Owner, $"/api/suppliers/{setup.Supplier.SupplierId}/performance?contractId=con_other", HttpStatusCode.NotFound);

        var bad = await ProblemAsync(setup.Owner, $"/api/suppliers/{setup.Supplier.SupplierId}/performance?contractId=con%27x", HttpStatusCode.BadRequest);
        Assert.Equal(["contractId"], bad["errors"]!.AsObject().Select(e => e.Key));
    }

    private Task<JsonObject> PerformanceAsync(Association association, string supplierId, string query) =>
        Api.JsonAsync(HttpMethod.Get, $"/api/suppliers/{supplierId}/performance{query}", association.ApiKey, expect: HttpStatusCode.OK);

    private Task<JsonObject> ProblemAsync(Association association, string path, HttpStatusCode status) =>
        Api.JsonAsync(HttpMethod.Get, path, association.ApiKey, expect: status);
}
