using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Jobs;
using HousingLedger.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HousingLedger.Functions.Tests.Console;

/// <summary>The console's jobs pages: the list with its filters and paging, raising a job, and a job's page with its timeline and decision.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class JobsPagesTests(AzuriteFixture azurite) : ConsoleTest(azurite)
{
    [SkippableFact]
    public async Task An_admin_raises_a_job_sees_it_listed_and_approves_it_once_the_supplier_has_completed_it()
    {
        await using var endpoint = await SupplierEndpoint.StartAsync();
        var association = await Api.OnboardAssociationAsync("Harbour Homes");
        var supplier = await Api.RegisterSupplierAsync(endpoint.Url);
        endpoint.Secret = supplier.Secret;
        await Api.RegisterContractAsync(association, supplier.SupplierId);
        var boilers = ApiClient.OvenContract(supplier.SupplierId);
        boilers["title"] = "Boiler servicing 2026";
        boilers["items"] = JsonNode.Parse("""[{"code": "BOILER-SERVICE", "description": "Annual gas boiler service", "unitPrice": 8500}]""");
        await Api.JsonAsync(HttpMethod.Post, "/api/contracts", association.ApiKey, boilers.ToJsonString(), HttpStatusCode.Created);
        await SignInAsync(association.ApiKey, "/jobs/new");

        // The items are the chosen contract's.
        await Page.GetByLabel("Contract").SelectOptionAsync(new SelectOptionValue { Label = "Boiler servicing 2026 (Acme Ovens Ltd)" });
        await Expect(Page.GetByLabel("Item").Locator("option")).ToHaveTextAsync(["BOILER-SERVICE — Annual gas boiler service — £85.00"]);
        await Page.GetByLabel("Contract").SelectOptionAsync(new SelectOptionValue { Label = "Cooker and oven replacement framework 2026 (Acme Ovens Ltd)" });

        // The form names what the API refused: here, the property reference left out.
        await Expect(Page.GetByLabel("Item")).ToContainTextAsync("OVEN-600-SINGLE — Supply and fit 60 cm electric single oven — £345.00");
        await Page.GetByLabel("Quantity").FillAsync("2");
        await Page.GetByLabel("Urgent").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Raise job" }).ClickAsync();
        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Property reference: Enter the property reference.");
        await Expect(Page.Locator(".govuk-error-summary a[href='#propertyRef']")).ToBeVisibleAsync();
        await Expect(Page.Locator("#propertyRef-error")).ToBeVisibleAsync();
        await CheckPageAsync("job-raise-refused");

        await Page.GetByLabel("Property reference").FillAsync("UPRN-100023336956");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Raise job" }).ClickAsync();

        // The job's page waits for the raise to reach the chain, then says so.
        await Expect(Page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Job raised: recorded on the ledger in block");
        var jobId = (await Page.Locator("main h1").TextContentAsync())!.Trim();
        Assert.Equal($"/jobs/{jobId}", new Uri(Page.Url).AbsolutePath);
        await Expect(Page.Locator("#timeline")).ToContainTextAsync("Harbour Homes");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Check receipt for job raised" }))
            .ToHaveAttributeAsync("href", new Regex("^/ledger/receipts/[A-Za-z0-9_-]+$"));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to jobs" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = jobId }) });
        await Expect(row).ToContainTextAsync("UPRN-100023336956");
        await Expect(row).ToContainTextAsync("Acme Ovens Ltd");
        await Expect(row).ToContainTextAsync("Raised");

        // The supplier gets the work order, accepts and completes the job; it waits for the association's decision.
        for (var i = 0; i < 300 && endpoint.Received.IsEmpty; i++)
        {
            await Task.Delay(100);
        }

        Assert.False(endpoint.Received.IsEmpty, "the work order did not reach the supplier in 30 s");
        await SupplierSaysAsync(supplier, JobEventTypes.Accepted, jobId);
        await SupplierSaysAsync(supplier, JobEventTypes.Completed, jobId);
        await Api.WaitForChainAsync(association, 4);
        await Page.ReloadAsync();
        await Expect(row.Locator(".govuk-tag--red")).ToHaveTextAsync("Awaiting approval");
        await Expect(row).ToHaveClassAsync(new Regex("hl-row--attention"));
        await CheckPageAsync("jobs");

        await row.GetByRole(AriaRole.Link, new() { Name = jobId }).ClickAsync();
        await Expect(Page.Locator(".govuk-summary-list")).ToContainTextAsync("Awaiting approval");

        // A dispute needs a reason, so the supplier knows what to put right.
        await Page.GetByLabel("Dispute the work").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Expect(Page.Locator(".govuk-error-summary a[href='#reason']")).ToContainTextAsync("Enter why you dispute the work");
        await Expect(Page.Locator("#reason-error")).ToBeVisibleAsync();
        await CheckPageAsync("job-dispute-refused");

        await Page.GetByLabel("Approve the work").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();

        await Expect(Page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Work approved: recorded on the ledger");
        await Expect(Page.Locator(".govuk-summary-list")).ToContainTextAsync("Approved");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Approve or dispute" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("#timeline tbody tr")).ToHaveCountAsync(4);
        var approval = Page.Locator("#timeline tbody tr").Last;
        await Expect(approval).ToContainTextAsync("Work approved");
        await Expect(approval).ToContainTextAsync("Harbour Homes");
        await Expect(approval).ToContainTextAsync(new Regex(@"Block \d+, leaf \d+"));
        await Expect(Page.Locator("#timeline tbody tr").Nth(1)).ToContainTextAsync("Acme Ovens Ltd");
        await Expect(Page.Locator(".govuk-summary-list")).ToContainTextAsync("Delivered");
        await CheckPageAsync("job");

        var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", association.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal("approved", (string)job["state"]!);
        Assert.Equal(2, (int)job["quantity"]!);
    }

    [SkippableFact]
    public async Task Filters_narrow_the_list_paging_goes_on_and_a_refused_filter_is_named()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        var overdue = await Api.RaiseJobAsync(association, contractId, priority: "urgent", raisedAt: DateTimeOffset.UtcNow.AddDays(-30));
        var accepted = await Api.RaiseJobAsync(association, contractId, priority: "routine", raisedAt: DateTimeOffset.UtcNow.AddMinutes(-2));
        var fresh = await Api.RaiseJobAsync(association, contractId, priority: "emergency", raisedAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        await SupplierSaysAsync(supplier, JobEventTypes.Accepted, accepted);
        await Api.WaitForChainAsync(association, 5);
        await SignInAsync(association.ApiKey, "/jobs?limit=2");

        // Newest raised first, two to a page.
        await Expect(JobLinks()).ToHaveTextAsync([fresh, accepted]);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(JobLinks()).ToHaveTextAsync([overdue]);
        Assert.Contains("limit=2", Page.Url, StringComparison.Ordinal);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await Expect(JobLinks()).ToHaveTextAsync([fresh, accepted]);

        await Page.GetByLabel("Overdue").SelectOptionAsync("Yes");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(JobLinks()).ToHaveTextAsync([overdue]);
        var row = Page.Locator("tbody tr").First;
        await Expect(row.Locator(".govuk-tag--red")).ToHaveTextAsync("Overdue");
        await Expect(row).ToHaveClassAsync(new Regex("hl-row--attention"));
        await Expect(Page.GetByLabel("Overdue")).ToHaveValueAsync("true");
        await CheckPageAsync("jobs-overdue");

        await Page.GetByLabel("Overdue").SelectOptionAsync("Any");
        await Page.GetByLabel("State").SelectOptionAsync("Accepted");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(JobLinks()).ToHaveTextAsync([accepted]);
        await Expect(Page.Locator("tbody tr").First).Not.ToHaveClassAsync(new Regex("hl-row--attention"));

        // Raised between two days, as London reads them: the last two, so the month-old job drops out.
        var london = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Page.GotoAsync($"/jobs?raisedFrom={Day(london.AddDays(-1))}&raisedTo={Day(london)}");
        await Expect(JobLinks()).ToHaveTextAsync([fresh, accepted]);
        await Expect(Page.GetByLabel("Raised on or after")).ToHaveValueAsync(Day(london.AddDays(-1)));

        // A value the API refuses is named, linked to its field.
        await Page.GotoAsync("/jobs?raisedFrom=yesterday");
        await Expect(Page.Locator(".govuk-error-summary a[href='#raisedFrom']")).ToContainTextAsync("Raised on or after");
        await Expect(Page.Locator("#raisedFrom-error")).ToBeVisibleAsync();
        await CheckPageAsync("jobs-refused");
    }

    [SkippableFact]
    public async Task An_auditor_sees_a_job_waiting_for_approval_but_is_offered_no_decision_and_no_raise()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        var jobId = await Api.RaiseJobAsync(association, contractId);
        await SupplierSaysAsync(supplier, JobEventTypes.Accepted, jobId);
        await SupplierSaysAsync(supplier, JobEventTypes.Completed, jobId);
        await Api.WaitForChainAsync(association, 4);
        var (auditor, _) = await Api.IssueKeyAsync(association, "auditor");

        await SignInAsync(auditor.ApiKey, $"/jobs/{jobId}");

        await Expect(Page.Locator("main h1")).ToHaveTextAsync(jobId);
        await Expect(Page.Locator(".govuk-summary-list")).ToContainTextAsync("Awaiting approval");
        await Expect(Page.Locator("#timeline tbody tr")).ToHaveCountAsync(3);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Approve or dispute" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("form")).ToHaveCountAsync(0);
        await CheckPageAsync("job-auditor");

        await Page.GotoAsync("/jobs");
        await Expect(JobLinks()).ToHaveTextAsync([jobId]);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Raise a job" })).ToHaveCountAsync(0);
        await Page.GotoAsync("/jobs/new");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("You cannot see this page");
    }

    private ILocator JobLinks() => Page.Locator("main tbody tr td:first-child a");

    private async Task SupplierSaysAsync(Supplier supplier, string type, string jobId)
    {
        using var response = await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(type, jobId));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{type} for {jobId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
