using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Jobs;

/// <summary>
/// A UK GDPR request: an admin erases a job's free text (a completion's notes, a dispute's reason). The text and
/// its salt go, <c>data.erased</c> is recorded, reading the text answers 410, and the chain still verifies.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TextErasureTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private const string Notes = "Mrs Patel in flat 12 let us in; call 07700 900123";
    private const string Reason = "Mr Jones says the oven door will not close";

    [Fact]
    public async Task Erasing_a_jobs_text_deletes_it_records_data_erased_and_every_block_receipt_and_checkpoint_still_verifies()
    {
        var (association, jobId, completed, disputed) = await DisputedJobWithTextsAsync();
        var kept = await Api.JsonAsync(HttpMethod.Get, TextPath(jobId, completed), association.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal(Notes, (string)kept["text"]!);
        Assert.True(FreeTextCommitment.Matches(Notes, Convert.FromBase64String((string)kept["salt"]!), (string)kept["commitment"]!));

        var erased = await Api.JsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/erasure", association.ApiKey, expect: HttpStatusCode.OK);
        var again = await Api.JsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/erasure", association.ApiKey, expect: HttpStatusCode.OK);

        Assert.Equal(new[] { completed, disputed }.Order(StringComparer.Ordinal), erased["erased"]!.AsArray().Select(e => (string)e!).Order(StringComparer.Ordinal));
        Assert.Equal(erased.ToJsonString(), again.ToJsonString());
        foreach (var eventId in new[] { completed, disputed })
        {
            var gone = await Api.JsonAsync(HttpMethod.Get, TextPath(jobId, eventId), association.ApiKey, expect: HttpStatusCode.Gone);
            Assert.Equal("urn:housingledger:problem:gone", (string)gone["type"]!);
            Assert.Contains((string)erased["eventId"]!, (string)gone["detail"]!, StringComparison.Ordinal);
        }

        // contract.registered, job.raised, accepted, completed, disputed, data.erased
        await Api.WaitForChainAsync(association, 6);
        var verify = await Api.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/verify", association.ApiKey, expect: HttpStatusCode.OK);
        Assert.True((bool)verify["valid"]!, verify.ToJsonString());
        await Api.VerifiedCheckpointAsync(association);
        var keys = Jwks.FromJson(await Api.JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK)).Value;
        var receipt = Receipt.FromJson(await Api.JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/receipts/{completed}", association.ApiKey, expect: HttpStatusCode.OK));
        Assert.True(ReceiptVerifier.Verify(receipt.Value, keys.Find).Valid, "the completion's receipt no longer verifies");

        var transactions = (await Api.ExportAsync(association)).SelectMany(b => b.Transactions).ToList();
        var record = Assert.Single(transactions, t => t.Type == "data.erased");
        Assert.Equal((string)erased["eventId"]!, record.EventId);
        Assert.Contains((string)kept["commitment"]!, record.DataJson, StringComparison.Ordinal);
        Assert.DoesNotContain(transactions, t => t.DataJson.Contains("Patel", StringComparison.Ordinal) || t.DataJson.Contains("Jones", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_erasure_of_nothing_another_associations_job_or_with_a_body_is_refused_and_erases_nothing()
    {
        var (association, jobId, completed, _) = await DisputedJobWithTextsAsync();
        var neighbour = await Api.OnboardAssociationAsync("Hillside Homes");
        var bare = await Api.RaiseJobAsync(association, await Api.RegisterContractAsync(association, (await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"))).SupplierId));

        var withBody = await Api.JsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/erasure", association.ApiKey, """{"reason":"asked"}""", HttpStatusCode.BadRequest);
        var nothing = await Api.JsonAsync(HttpMethod.Post, $"/api/jobs/{bare}/erasure", association.ApiKey, expect: HttpStatusCode.Conflict);
        var othersJob = await Api.JsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/erasure", neighbour.ApiKey, expect: HttpStatusCode.NotFound);
        var noJob = await Api.JsonAsync(HttpMethod.Post, "/api/jobs/job_nosuchjob/erasure", neighbour.ApiKey, expect: HttpStatusCode.NotFound);
        var othersText = await Api.JsonAsync(HttpMethod.Get, TextPath(jobId, completed), neighbour.ApiKey, expect: HttpStatusCode.NotFound);

        Assert.NotNull(withBody["errors"]?["reason"]);
        Assert.Contains(bare, (string)nothing["detail"]!, StringComparison.Ordinal);
        Assert.Equal(
            ((string)noJob["detail"]!).Replace("job_nosuchjob", jobId, StringComparison.Ordinal),
            (string)othersJob["detail"]!);
        Assert.Equal("urn:housingledger:problem:not-found", (string)othersText["type"]!);
        var still = await Api.JsonAsync(HttpMethod.Get, TextPath(jobId, completed), association.ApiKey, expect: HttpStatusCode.OK);
        Assert.Equal(Notes, (string)still["text"]!);
    }

    private static string TextPath(string jobId, string eventId) => $"/api/jobs/{jobId}/events/{eventId}/text";

    /// <summary>A job its supplier completed with notes, which the association then disputed with a reason.</summary>
    private async Task<(Association Association, string JobId, string Completed, string Disputed)> DisputedJobWithTextsAsync()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var jobId = await Api.RaiseJobAsync(association, await Api.RegisterContractAsync(association, supplier.SupplierId));
        Assert.Equal(HttpStatusCode.Accepted, (await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(JobEventTypes.Accepted, jobId))).StatusCode);
        using var completion = await Api.SendWebhookAsync(supplier, ApiClient.SupplierEvent(JobEventTypes.Completed, jobId, new JsonObject { ["notes"] = Notes }));
        Assert.Equal(HttpStatusCode.Accepted, completion.StatusCode);
        var dispute = new JsonObject { ["decision"] = "disputed", ["reason"] = Reason }.ToJsonString();
        var disputed = await Api.JsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/approval", association.ApiKey, dispute, HttpStatusCode.Accepted);
        var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", association.ApiKey, expect: HttpStatusCode.OK);
        var completed = (string)job["events"]!.AsArray().Single(e => (string)e!["type"]! == JobEventTypes.Completed)!["eventId"]!;
        return (association, jobId, completed, (string)disputed["eventId"]!);
    }
}
