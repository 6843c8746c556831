using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;
using HousingLedger.Jobs;

using HousingLedger.Webhooks;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// Every refusal is a 4xx RFC 9457 problem naming what was wrong, and appends nothing: the chain's transaction
/// count is the same after the refused request as before it.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class BadInputTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private Association association = null!;
    private Supplier supplier = null!;
    private string contractId = null!;
    private string jobId = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        association = await Api.OnboardAssociationAsync();
        supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        jobId = await Api.RaiseJobAsync(association, contractId);
        await Api.WaitForChainAsync(association, 2);
    }


    public static TheoryData<string, string, string, HttpStatusCode, string> RaiseJobRefusals => new()
    {
        { "malformed JSON", "{\"contractId\": ", "application/json", HttpStatusCode.BadRequest, "body" },
        { "not an object", "[1,2]", "application/json", HttpStatusCode.BadRequest, "body" },
        { "wrong content type", "contractId=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "" },
        { "quantity is a string", RaiseBody(quantity: "\"1\""), "application/json", HttpStatusCode.BadRequest, "quantity" },
        { "quantity is zero", RaiseBody(quantity: "0"), "application/json", HttpStatusCode.BadRequest, "quantity" },
        { "missing itemCode", """{"contractId":"CONTRACT","quantity":1,"priority":"urgent","propertyRef":"UPRN-1"}""", "application/json", HttpStatusCode.BadRequest, "itemCode" },
        { "unknown item code", RaiseBody(itemCode: "\"FRIDGE-1\""), "application/json", HttpStatusCode.BadRequest, "itemCode" },
        { "unknown priority", RaiseBody(priority: "\"whenever\""), "application/json", HttpStatusCode.BadRequest, "priority" },
        { "unknown field", RaiseBody(extra: ",\"tenantName\":\"Mrs Smith\""), "application/json", HttpStatusCode.BadRequest, "tenantName" },
        { "unknown contract", RaiseBody(contract: "con_doesnotexist"), "application/json", HttpStatusCode.BadRequest, "contractId" },
        { "contract id with a quote", RaiseBody(contract: "x' or PartitionKey ne '"), "application/json", HttpStatusCode.BadRequest, "contractId" },
        { "job id with a slash", RaiseBody(extra: ",\"jobId\":\"a/b\""), "application/json", HttpStatusCode.BadRequest, "jobId" },
        { "raisedAt far in the future", RaiseBody(extra: ",\"raisedAt\":\"2099-01-01T00:00:00Z\""), "application/json", HttpStatusCode.BadRequest, "raisedAt" },
        { "raisedAt without a zone", RaiseBody(extra: ",\"raisedAt\":\"2026-03-01T10:00:00\""), "application/json", HttpStatusCode.BadRequest, "raisedAt" },
    };

    [Theory]
    [MemberData(nameof(RaiseJobRefusals))]
    public async Task Raising_a_job_with_bad_input_is_refused_and_appends_nothing(string why, string body, string contentType, HttpStatusCode status, string field)
    {
        var before = await SettledCountAsync();
        using var response = await Api.SendAsync(HttpMethod.Post, "/api/jobs", association.ApiKey, body.Replace("CONTRACT", contractId, StringComparison.Ordinal), contentType);

        await AssertProblemAsync(response, status, field, why);
        Assert.Equal(before, await SettledCountAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var body = RaiseBody(extra: ",\"padding\":\"" + new string('x', 300 * 1024) + "\"").Replace("CONTRACT", contractId, StringComparison.Ordinal);
        using var response = await Api.SendAsync(HttpMethod.Post, "/api/jobs", association.ApiKey, body);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "", "oversized");
    }

    [Fact]
    public async Task A_missing_or_unknown_api_key_is_refused_with_401()
    {
        using var none = await Api.SendAsync(HttpMethod.Get, $"/api/jobs/{jobId}", null);
        using var wrong = await Api.SendAsync(HttpMethod.Get, $"/api/jobs/{jobId}", "hlk_not_a_key");
        await AssertProblemAsync(none, HttpStatusCode.Unauthorized, "", "no key");
        await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "", "unknown key");
    }

    [Fact]
    public async Task Contract_terms_are_validated_in_full_and_every_wrong_field_is_named()
    {
        var terms = ApiClient.OvenContract(supplier.SupplierId);
        terms["vatRate"] = "1.5";
        terms["items"]![0]!["unitPrice"] = -1;
        terms["volumeDiscount"]!["tiers"]![1]!["minUnits"] = 1;
        var before = await SettledCountAsync();

        using var response = await Api.SendAsync(HttpMethod.Post, "/api/contracts", association.ApiKey, terms.ToJsonString());

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "vatRate", "invalid terms");
        Assert.Contains("items[0].unitPrice", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.StartsWith("volumeDiscount.tiers", StringComparison.Ordinal));
        Assert.Equal(before, await SettledCountAsync());
    }

    public static TheoryData<string, string> SignatureRefusals => new()
    {
        { "wrong secret", "webhook-signature" },
        { "stale timestamp", "webhook-timestamp" },
        { "future timestamp", "webhook-timestamp" },
    };

    [Theory]
    [MemberData(nameof(SignatureRefusals))]
    public async Task A_webhook_that_is_not_properly_signed_is_refused_with_401_and_appends_nothing(string why, string header)
    {
        var body = ApiClient.SupplierEvent(JobEventTypes.Accepted, jobId);
        var before = await SettledCountAsync();
        using var response = why switch
        {
            "wrong secret" => await Api.SendWebhookAsync(supplier, body, signWith: WebhookSecret.Generate()),
            "stale timestamp" => await Api.SendWebhookAsync(supplier, body, timestamp: DateTimeOffset.UtcNow.AddMinutes(-6)),
            _ => await Api.SendWebhookAsync(supplier, body, timestamp: DateTimeOffset.UtcNow.AddMinutes(6)),
        };

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, header, why);
        Assert.Equal(before, await SettledCountAsync());
        var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", association.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal("raised", (string)job["state"]!);
    }

    [Fact]
    public async Task A_webhook_without_signature_headers_is_refused_with_401()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, $"/api/webhooks/suppliers/{supplier.SupplierId}", null, ApiClient.SupplierEvent(JobEventTypes.Accepted, jobId));
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "webhook-id", "unsigned");
    }

    [Fact]
    public async Task A_webhook_for_an_unknown_supplier_or_job_is_404()
    {
        using var unknownSupplier = await Api.SendAsync(HttpMethod.Post, "/api/webhooks/suppliers/sup_nobody", null, ApiClient.SupplierEvent(JobEventTypes.Accepted, jobId));
        using var unknownJob = await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(JobEventTypes.Accepted, "job_nobody"));
        await AssertProblemAsync(unknownSupplier, HttpStatusCode.NotFound, "", "unknown supplier");
        await AssertProblemAsync(unknownJob, HttpStatusCode.NotFound, "", "unknown job");
    }

    [Fact]
    public async Task An_event_that_does_not_fit_the_jobs_state_is_refused_with_409_and_appends_nothing()
    {
        var before = await SettledCountAsync();
        using var completedBeforeAccepted = await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(JobEventTypes.Completed, jobId));
        using var approvedBeforeCompleted = await Api.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/approval", association.ApiKey, """{"decision":"approved"}""");

        await AssertProblemAsync(completedBeforeAccepted, HttpStatusCode.Conflict, "", "complete a raised job");
        await AssertProblemAsync(approvedBeforeCompleted, HttpStatusCode.Conflict, "", "approve a raised job");
        Assert.Equal(before, await SettledCountAsync());
    }

    [Fact]
    public async Task A_supplier_event_type_an_association_sends_is_refused()
    {
        using var response = await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(JobEventTypes.Approved, jobId));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "type", "supplier approving");
    }

    private static string RaiseBody(string quantity = "1", string itemCode = "\"OVEN-600-SINGLE\"", string priority = "\"urgent\"", string contract = "CONTRACT", string extra = "") =>
        $$"""{"contractId":"{{contract}}","itemCode":{{itemCode}},"quantity":{{quantity}},"priority":{{priority}},"propertyRef":"UPRN-100023336956"{{extra}}}""";

    /// <summary>The chain's transaction count once everything accepted so far has been appended.</summary>
    private async Task<long> SettledCountAsync()
    {
        await Host.Services.GetRequiredService<HousingLedger.Functions.Pipeline.LedgerAppender>().AppendPendingAsync(association.AssociationId, CancellationToken.None);
        return (long)(await Api.HeadAsync(association))["txCount"]!;
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field, string why)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{why}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.StartsWith("urn:housingledger:problem:", (string)problem["type"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), $"{why}: the problem has no detail");
        if (field.Length > 0)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.Any(e => e.Key == field || e.Key.StartsWith(field + ".", StringComparison.Ordinal)),
                $"{why}: expected an error naming '{field}', got {text}");
        }

        return problem;
    }
}
