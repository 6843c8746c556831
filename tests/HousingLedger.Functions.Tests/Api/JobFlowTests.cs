using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Api;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;
using HousingLedger.Jobs;
using HousingLedger.Ledger;


namespace HousingLedger.Functions.Tests.Api;

/// <summary>The whole flow a user walks through, over real HTTP against Azurite, checked the way an auditor would.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class JobFlowTests(AzuriteFixture azurite) : SupplierServiceTest(azurite)
{
    [Fact]
    public async Task A_job_goes_from_raised_to_approved_and_every_event_is_on_a_chain_that_verifies_offline()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(SupplierEndpoint.Url);
        SupplierEndpoint.Secret = supplier.Secret;
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        var jobId = await Api.RaiseJobAsync(association, contractId);

        // The supplier's system receives the work order, signed with its secret.
        var workOrder = await EventuallyAsync(() => SupplierEndpoint.Received.FirstOrDefault(w => w.Body.GetProperty("data").GetProperty("jobId").GetString() == jobId));
        Assert.True(workOrder.SignatureVerified, "the work order's Standard Webhooks signature did not verify with the supplier's secret");
        Assert.Equal("work_order.issued", workOrder.Body.GetProperty("type").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(JobEventTypes.Accepted, jobId))).StatusCode);
        var evidence = new JsonObject { ["serialNumber"] = "SN-99812", ["photoSha256"] = new JsonArray(new string('a', 64)) };
        Assert.Equal(HttpStatusCode.Accepted, (await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(JobEventTypes.Completed, jobId, evidence))).StatusCode);
        await Api.JsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/approval", association.ApiKey, """{"decision":"approved"}""", HttpStatusCode.Accepted);

        // contract.registered, job.raised, accepted, completed, approved
        await Api.WaitForChainAsync(association, 5);
        var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", association.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal("approved", (string)job["state"]!);
        Assert.Equal(
            [JobEventTypes.Raised, JobEventTypes.Accepted, JobEventTypes.Completed, JobEventTypes.Approved],
            job["events"]!.AsArray().Select(e => (string)e!["type"]!));
        Assert.All(job["events"]!.AsArray(), e => Assert.NotNull(e!["ledger"]));
        Assert.Equal(
            [$"association:{association.AssociationId}", $"supplier:{supplier.SupplierId}", $"supplier:{supplier.SupplierId}", $"association:{association.AssociationId}"],
            job["events"]!.AsArray().Select(e => (string)e!["actor"]!));
        Assert.Equal("delivered", (string)job["workOrder"]!["status"]!);

        var verify = await Api.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/verify", association.ApiKey, expect: HttpStatusCode.OK);
        Assert.True((bool)verify["valid"]!, verify.ToJsonString());
        Assert.Equal(5, (long)verify["transactions"]!);

        // Offline: the export and the published keys alone.
        var keys = await PublishedKeysAsync();
        using var export = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/export", association.ApiKey);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var verifier = new ChainVerifier(association.AssociationId, kid => keys.GetValueOrDefault(kid));
        foreach (var line in lines)
        {
            var block = Block.FromExportLine(line);
            Assert.True(block.IsValid, string.Join("; ", block.Errors));
            Assert.True(verifier.Add(block.Value), verifier.Result.Failure?.ToString());
        }

        Assert.True(verifier.Result.Valid);
        Assert.Equal(5, verifier.Result.Transactions);

        // A receipt proves one event without the rest of the chain.
        var approvalEventId = (string)job["events"]!.AsArray()[^1]!["eventId"]!;
        var receiptJson = await Api.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/receipts/{approvalEventId}", association.ApiKey, expect: HttpStatusCode.OK);
        var receipt = Receipt.FromJson(receiptJson);
        Assert.True(receipt.IsValid);
        Assert.True(ReceiptVerifier.Verify(receipt.Value, kid => keys.GetValueOrDefault(kid)).Valid);
        Assert.Equal(JobEventTypes.Approved, receipt.Value.Tx.Type);
    }

    [Fact]
    public async Task A_redelivered_webhook_is_acknowledged_and_recorded_once()
    {
        var (association, supplier, jobId) = await RaisedJobAsync();
        var body = ApiClient.SupplierEvent(JobEventTypes.Accepted, jobId);

        using var first = await Api.SendWebhookAsync(supplier, body, webhookId: "msg_redelivered_1");
        using var again = await Api.SendWebhookAsync(supplier, body, webhookId: "msg_redelivered_1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"duplicate\":true", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Api.WaitForChainAsync(association, 3);
        var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", association.ApiKey, expect: HttpStatusCode.OK);
        Assert.Single(job["events"]!.AsArray(), e => (string)e!["eventId"]! == "msg_redelivered_1");
    }

    [Fact]
    public async Task Many_events_at_once_all_land_once_in_fewer_blocks_than_events()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(SupplierEndpoint.Url);
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        var jobs = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Api.RaiseJobAsync(association, contractId)));
        var accepted = await Task.WhenAll(jobs.Select(j => Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(JobEventTypes.Accepted, j))));
        Assert.All(accepted, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        // the contract, 40 raises and 40 acceptances
        var head = await Api.WaitForChainAsync(association, 81);
        Assert.Equal(81, (long)head["txCount"]!);
        Assert.True((long)head["height"]! + 1 < 81, $"expected events batched into blocks, got {(long)head["height"]! + 1} blocks for 81 events");
        var verify = await Api.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/verify", association.ApiKey, expect: HttpStatusCode.OK);
        Assert.True((bool)verify["valid"]!, verify.ToJsonString());
    }

    [Fact]
    public async Task An_association_cannot_see_another_associations_jobs_or_chain()
    {
        var (association, _, jobId) = await RaisedJobAsync();
        var other = await Api.OnboardAssociationAsync("Hillside Housing");

        using var job = await Api.SendAsync(HttpMethod.Get, $"/api/jobs/{jobId}", other.ApiKey);
        using var head = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/head", other.ApiKey);
        using var approval = await Api.SendAsync(HttpMethod.Post, $"/api/jobs/{jobId}/approval", other.ApiKey, """{"decision":"approved"}""");

        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approval.StatusCode);
    }

    [Fact]
    public async Task A_raise_sent_again_under_its_idempotency_key_is_answered_as_the_first_and_recorded_once()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(SupplierEndpoint.Url);
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        var raise = $$"""{"contractId":"{{contractId}}","itemCode":"OVEN-600-SINGLE","quantity":1,"priority":"urgent","propertyRef":"UPRN-100023336956"}""";
        var key = new Dictionary<string, string> { [IdempotencyKey.Header] = "raise-flat-12-oven" };

        using var first = await Api.SendAsync(HttpMethod.Post, "/api/jobs", association.ApiKey, raise, headers: key);
        using var again = await Api.SendAsync(HttpMethod.Post, "/api/jobs", association.ApiKey, raise, headers: key);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        var (one, two) = (JsonNode.Parse(await first.Content.ReadAsStringAsync())!, JsonNode.Parse(await again.Content.ReadAsStringAsync())!);
        Assert.Equal(((string?)one["jobId"], (string?)one["deadline"], "raise-flat-12-oven"), ((string?)two["jobId"], (string?)two["deadline"], (string?)two["eventId"]));
        await Api.WaitForChainAsync(association, 2); // contract.registered and one job.raised
        await Task.Delay(TimeSpan.FromSeconds(1)); // long enough for a second raise to reach the chain too
        Assert.Equal(2, (long)(await Api.HeadAsync(association))["txCount"]!);
    }

    private async Task<(Association Association, Supplier Supplier, string JobId)> RaisedJobAsync()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(SupplierEndpoint.Url);
        return (association, supplier, await RaisedJobIdAsync(association, supplier));
    }

    private async Task<string> RaisedJobIdAsync(Association association, Supplier supplier)
    {
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        return await Api.RaiseJobAsync(association, contractId);
    }

    private async Task<Dictionary<string, PublicSigningKey>> PublishedKeysAsync()
    {
        var jwks = await Api.JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK);
        return jwks["keys"]!.AsArray()
            .Select(k => PublicSigningKey.FromJwk(k!.AsObject()).Value)
            .ToDictionary(k => k.KeyId, StringComparer.Ordinal);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 300; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The expected work order did not arrive within 30 s.");
        return null!;
    }
}
