using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HousingLedger.Functions.Tests.Settlement;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HousingLedger.Functions.Tests.Console;

/// <summary>
/// The suppliers, supplier and spend pages: a supplier's late share month by month drawn against its contract's
/// threshold, and what the association paid, as staff see them in the browser, read from the charts themselves.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class SuppliersAndSpendPagesTests(AzuriteFixture azurite) : ConsoleTest(azurite)
{
    [SkippableFact]
    public async Task The_performance_chart_and_the_threshold_warning_change_when_another_job_is_late()
    {
        var owner = await Api.OnboardAssociationAsync("Riverside Homes");
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var terms = ApiClient.OvenContract(supplier.SupplierId);
        terms["latePenalty"]!["threshold"] = "0.34";
        var contractId = (string)(await Api.JsonAsync(HttpMethod.Post, "/api/contracts", owner.ApiKey, terms.ToJsonString(), HttpStatusCode.Created))["contractId"]!;
        var setup = new SettlementSetup(Api, owner, owner, supplier, contractId);

        // Urgent jobs raised early two months ago are due then: two done within their 7 days, one after 10.
        var start = SettlementSetup.FirstOfMonthBefore(DateTimeOffset.UtcNow, 2);
        await setup.ApprovedJobAsync(owner, start, TimeSpan.FromDays(2));
        await setup.ApprovedJobAsync(owner, start.AddDays(1), TimeSpan.FromDays(3));
        await setup.ApprovedJobAsync(owner, start.AddDays(2), TimeSpan.FromDays(10));

        await SignInAsync(owner.ApiKey, "/suppliers");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Suppliers");
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Cooker and oven replacement framework 2026" })).ToContainTextAsync("34%");
        await CheckPageAsync("suppliers");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Acme Ovens Ltd" }).ClickAsync();
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Acme Ovens Ltd");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Cooker and oven replacement framework 2026" })).ToBeVisibleAsync();

        // The month two before this one is the tenth of the twelve: one late of three is a third, 0.67 points under 34%.
        var chart = await LateChartAsync();
        Assert.Equal(12, chart.Labels.Count);
        Assert.Equal(33.33, chart.Late[9]);
        Assert.All(chart.Late.Where((_, i) => i != 9), value => Assert.Null(value));
        Assert.All(chart.Threshold, value => Assert.Equal(34, value));
        await Expect(MonthRow(9).Locator("td")).ToHaveTextAsync(["3", "2", "1", "33.33%"]);
        await Expect(Page.Locator(".govuk-warning-text")).ToContainTextAsync("heading for the penalty");
        await Expect(Page.GetByText("No job under this contract is open past its deadline.")).ToBeVisibleAsync();
        await CheckPageAsync("supplier");

        // A fourth job due that month that nobody completed is late too: two of four, over the threshold.
        var open = await Api.RaiseJobAsync(owner, contractId, raisedAt: start.AddDays(3));
        await Page.ReloadAsync();

        chart = await LateChartAsync();
        Assert.Equal(50, chart.Late[9]);
        await Expect(MonthRow(9).Locator("td")).ToHaveTextAsync(["4", "2", "2", "50%"]);
        await Expect(Page.Locator(".govuk-warning-text")).ToContainTextAsync("the 20% late penalty applies");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = open })).ToHaveAttributeAsync("href", $"/jobs/{open}");
        await CheckPageAsync("supplier-over-threshold");
    }

    [SkippableFact]
    public async Task Spend_after_a_settlement_shows_what_was_paid_and_downloads_it_as_csv()
    {
        var setup = await SettlementSetup.CreateAsync(Api);
        var now = DateTimeOffset.UtcNow;
        var settled = await setup.SettleDiscountedAndPenalisedJobsAsync(now);
        var paid = settled.Sum(tx => (long)tx["data"]!["payable"]!);
        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var from = now.AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        await SignInAsync(setup.Owner.ApiKey, "/spend");

        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Spend");
        await Expect(Page.GetByLabel("From month")).ToHaveValueAsync(from);
        await Expect(Page.GetByLabel("To month")).ToHaveValueAsync(month);
        await Expect(Page.Locator("#spend-totals .govuk-summary-list__row", new() { HasText = "Paid" }).Locator("dd")).ToHaveTextAsync(Pounds(paid));
        var chart = await Page.GetByRole(AriaRole.Img, new() { NameRegex = StackedChart() }).EvaluateAsync<JsonElement>(
            "canvas => ({ labels: Chart.getChart(canvas).data.labels, series: Chart.getChart(canvas).data.datasets.map(d => ({ label: d.label, data: d.data })) })");
        Assert.Equal(12, chart.GetProperty("labels").GetArrayLength());
        var series = chart.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("label").GetString()!, s => s.GetProperty("data").EnumerateArray().Select(v => v.GetInt64()).ToList());
        Assert.Equal(["Paid", "Discounted", "Penalised"], series.Keys);
        Assert.Equal(paid, series["Paid"][^1]);
        Assert.All(series["Paid"].SkipLast(1), value => Assert.Equal(0, value));
        Assert.True(series["Discounted"][^1] > 0 && series["Penalised"][^1] > 0, "the month's jobs were both discounted and penalised");
        await CheckPageAsync("spend");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal($"spend-{from}-to-{month}.csv", download.SuggestedFilename);
        var records = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var line = (await Api.JsonAsync(HttpMethod.Get, "/api/spend?groupBy=month", setup.Owner.ApiKey, expect: HttpStatusCode.OK))["total"]!.AsObject();
        var figures = string.Join(',', new[] { "jobs", "listPrice", "discounted", "penalised", "net", "vat", "paid" }.Select(name => (long)line[name]!));
        Assert.Equal(
            ["month,supplierId,contractId,jobs,listPricePence,discountedPence,penalisedPence,netPence,vatPence,paidPence", $"{month},,,{figures}", $"total,,,{figures}"],
            records);
        Assert.EndsWith($",{paid}", records[1], StringComparison.Ordinal);

        // By contract, the contract and its supplier are named, not numbered.
        await Page.GetByLabel("Group by").SelectOptionAsync(new SelectOptionValue { Label = "Contract" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show spend" }).ClickAsync();
        var row = Page.Locator("#spend-table tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("th")).ToHaveTextAsync("Acme Ovens Ltd");
        await Expect(row.Locator("td").First).ToHaveTextAsync("Cooker and oven replacement framework 2026");
    }

    [SkippableFact]
    public async Task A_month_the_service_cannot_read_is_refused_naming_the_field()
    {
        var association = await Api.OnboardAssociationAsync();
        await SignInAsync(association.ApiKey, "/spend");

        await Page.GetByLabel("From month").FillAsync("2026-13");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show spend" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("from=2026-13"));
        var summary = Page.Locator(".govuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^From month") })).ToHaveAttributeAsync("href", "#from");
        await Expect(Page.Locator("#from-error")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" })).ToHaveCountAsync(0);
        await Expect(Page).ToHaveTitleAsync(new Regex("^Error:"));
        await CheckPageAsync("spend-refused");
    }

    // As the console writes money (the tests run with invariant globalization, so without an en-GB culture).
    private static string Pounds(long pence) => "£" + (pence / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex("^Stacked bar chart")]
    private static partial Regex StackedChart();

    private ILocator MonthRow(int index) => Page.Locator("#late-table-0 tbody tr").Nth(index);

    private async Task<(List<string> Labels, List<double?> Late, List<double?> Threshold)> LateChartAsync()
    {
        var data = await Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Line chart of the share of jobs late") }).EvaluateAsync<JsonElement>(
            "canvas => ({ labels: Chart.getChart(canvas).data.labels, datasets: Chart.getChart(canvas).data.datasets.map(d => ({ label: d.label, data: d.data })) })");
        static List<double?> Values(JsonElement series) =>
            [.. series.GetProperty("data").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())];
        var datasets = data.GetProperty("datasets");
        return ([.. data.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)], Values(datasets[0]), Values(datasets[1]));
    }
}
