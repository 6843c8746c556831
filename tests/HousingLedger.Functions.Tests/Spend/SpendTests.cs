using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Spend;

/// <summary>
/// <c>GET /api/spend</c> and a supplier's spend by month: what the association paid, discounted and penalised, from
/// the spend rows written with each <c>job.settled</c>, held to the figures those transactions record on the chain.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SpendTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    [Fact]
    public async Task Spend_totals_are_the_settled_jobs_figures_by_month_supplier_and_contract_in_json_and_csv()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var now = DateTimeOffset.UtcNow;
        var settled = await setup.SettleDiscountedAndPenalisedJobsAsync(now);
        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var expected = Expected(settled.Select(tx => tx["data"]!.AsObject()));
        Assert.True(expected.Discounted > 0 && expected.Penalised > 0, "the jobs should be both discounted and penalised");

        var all = await SpendAsync(setup.Owner, "");
        var line = Assert.Single(all["lines"]!.AsArray())!.AsObject();
        Assert.Equal((month, setup.Supplier.SupplierId, setup.ContractId), ((string)line["month"]!, (string)line["supplierId"]!, (string)line["contractId"]!));
        Assert.Equal(expected, Figures(line));
        Assert.Equal(expected, Figures(all["total"]!.AsObject()));

        var byMonth = Assert.Single((await SpendAsync(setup.Owner, "?groupBy=month"))["lines"]!.AsArray())!;
        Assert.Equal((month, null, null), ((string?)byMonth["month"], (string?)byMonth["supplierId"], (string?)byMonth["contractId"]));
        var bySupplier = Assert.Single((await SpendAsync(setup.Owner, "?groupBy=supplier"))["lines"]!.AsArray())!;
        Assert.Equal((null, setup.Supplier.SupplierId, null), ((string?)bySupplier["month"], (string?)bySupplier["supplierId"], (string?)bySupplier["contractId"]));
        var byContract = Assert.Single((await SpendAsync(setup.Owner, "?groupBy=contract"))["lines"]!.AsArray())!;
        Assert.Equal((null, setup.Supplier.SupplierId, setup.ContractId), ((string?)byContract["month"], (string?)byContract["supplierId"], (string?)byContract["contractId"]));
        Assert.Equal(expected, Figures(byContract.AsObject()));

        var before = StatementMonthBefore(now);
        var earlier = await SpendAsync(setup.Owner, $"?from={before}&to={before}");
        Assert.Empty(earlier["lines"]!.AsArray());
        Assert.Equal(0, (int)earlier["total"]!["jobs"]!);
        Assert.Empty((await SpendAsync(setup.Member, ""))["lines"]!.AsArray());

        using var csv = await Api.SendAsync(HttpMethod.Get, "/api/spend", setup.Owner.ApiKey, headers: new Dictionary<string, string> { ["Accept"] = "text/csv" });
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var records = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("month,supplierId,contractId,jobs,listPricePence,discountedPence,penalisedPence,netPence,vatPence,paidPence", records[0]);
        Assert.Equal($"{month},{setup.Supplier.SupplierId},{setup.ContractId},{Columns(expected)}", records[1]);
        Assert.Equal($"total,,,{Columns(expected)}", records[2]);
        Assert.Equal(3, records.Length);

        // The supplier's performance shows the same spend, by month, under its contract.
        var performance = await Api.JsonAsync(HttpMethod.Get, $"/api/suppliers/{setup.Supplier.SupplierId}/performance", setup.Owner.ApiKey, expect: HttpStatusCode.OK);
        var spent = Assert.Single(performance["contracts"]![0]!["spend"]!.AsArray())!.AsObject();
        Assert.Equal(month, (string)spent["month"]!);
        Assert.Equal(expected, Figures(spent));
    }

    [Fact]
    public async Task A_bad_parameter_is_refused_with_a_problem_naming_it()
    {
        var association = await Api.OnboardAssociationAsync();
        string[][] cases =
        [
            ["from=2026-13", "from"], ["from=2026-1", "from"], ["to=26-01", "to"], ["to=2026-01-01", "to"], ["groupBy=week", "groupBy"],
            ["groupBy=month&groupBy=supplier", "groupBy"], ["from=2026-05&to=2026-04", "from"], ["from=2023-01&to=2026-01", "from"],
        ];
        foreach (var (query, field) in cases.Select(c => (c[0], c[1])))
        {
            using var response = await Api.SendAsync(HttpMethod.Get, "/api/spend?" + query, association.ApiKey);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: expected 400, got {(int)response.StatusCode}: {text}");
            var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
            Assert.True(errors.Select(e => e.Key).SequenceEqual([field]), $"{query}: expected errors naming only {field}, got {text}");
        }

        await Api.JsonAsync(HttpMethod.Get, "/api/spend?from=2023-01&to=2025-12", association.ApiKey, expect: HttpStatusCode.OK);
    }

    private Task<JsonObject> SpendAsync(Association association, string query) =>
        Api.JsonAsync(HttpMethod.Get, "/api/spend" + query, association.ApiKey, expect: HttpStatusCode.OK);

    private static string StatementMonthBefore(DateTimeOffset now) => now.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // What the job.settled transactions add up to, worked out here from their data: the discount is the list price
    // times its rate, rounded half away from zero, and the penalty the rest of the way down to net.
    private static SpendFigures Expected(IEnumerable<JsonObject> data) => data
        .Select(d =>
        {
            var gross = (long)d["gross"]!;
            var discounted = (long)Math.Round(gross * decimal.Parse((string)d["discountRate"]!, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero);
            return new SpendFigures(1, gross, discounted, gross - discounted - (long)d["net"]!, (long)d["net"]!, (long)d["vat"]!, (long)d["payable"]!);
        })
        .Aggregate(new SpendFigures(0, 0, 0, 0, 0, 0, 0), (a, b) => new SpendFigures(
            a.Jobs + b.Jobs, a.ListPrice + b.ListPrice, a.Discounted + b.Discounted, a.Penalised + b.Penalised, a.Net + b.Net, a.Vat + b.Vat, a.Paid + b.Paid));

    private static SpendFigures Figures(JsonObject line) => new(
        (int)line["jobs"]!, (long)line["listPrice"]!, (long)line["discounted"]!, (long)line["penalised"]!, (long)line["net"]!, (long)line["vat"]!, (long)line["paid"]!);

    private static string Columns(SpendFigures f) => string.Join(',', new long[] { f.Jobs, f.ListPrice, f.Discounted, f.Penalised, f.Net, f.Vat, f.Paid });

    private sealed record SpendFigures(int Jobs, long ListPrice, long Discounted, long Penalised, long Net, long Vat, long Paid);
}
