using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Testing;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Functions.Tests.Parties;

/// <summary>
/// The operator rotates a supplier's webhook secret: for a day both secrets verify incoming webhooks and sign
/// outgoing work orders, then only the new one does. The host's clock is shifted to cross the day at once.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class WebhookSecretRotationTests(AzuriteFixture azurite) : SupplierServiceTest(azurite)
{
    private static readonly TimeSpan PastTheOverlap = RotatingSecret<object>.Overlap + TimeSpan.FromSeconds(1);

    private readonly ShiftedClock clock = new();

    private Association association = null!;
    private Supplier supplier = null!;
    private string contractId = null!;

    protected override TimeProvider Clock => clock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AzureFunctionsJobHost:extensions:queues:MaxPollingInterval"] = "00:00:00.100",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        association = await Api.OnboardAssociationAsync();
        supplier = await Api.RegisterSupplierAsync(SupplierEndpoint.Url);
        contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
    }

    [Fact]
    public async Task For_a_day_webhooks_signed_with_the_old_or_the_new_secret_are_accepted_then_only_the_new()
    {
        var jobId = await Api.RaiseJobAsync(association, contractId);
        var rotated = await RotateAsync();
        var accepted = ApiClient.SupplierEvent(JobEventTypes.Accepted, jobId);

        using var underOld = await SendAsync(accepted, supplier.Secret, "msg_old");
        using var underNew = await SendAsync(ApiClient.SupplierEvent(JobEventTypes.Completed, jobId), rotated.Secret, "msg_new");
        Assert.Equal(HttpStatusCode.Accepted, underOld.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, underNew.StatusCode);

        clock.Offset = PastTheOverlap;
        using var oldAfterADay = await SendAsync(accepted, supplier.Secret, "msg_old");
        using var newAfterADay = await SendAsync(accepted, rotated.Secret, "msg_old");
        Assert.Equal(HttpStatusCode.Unauthorized, oldAfterADay.StatusCode);
        Assert.Contains("webhook-signature", await oldAfterADay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, newAfterADay.StatusCode); // the redelivery, acknowledged as a duplicate
    }

    [Fact]
    public async Task For_a_day_work_orders_carry_a_signature_under_each_secret_then_only_under_the_new()
    {
        var rotated = await RotateAsync();

        var withinTheDay = await DeliveredWorkOrderAsync(await Api.RaiseJobAsync(association, contractId));
        Assert.Equal(2, withinTheDay.Signature.Split(' ').Length);
        Assert.True(Verifies(withinTheDay, rotated.Secret), "the work order does not verify under the new secret alone");
        Assert.True(Verifies(withinTheDay, supplier.Secret), "the work order does not verify under the old secret alone");

        clock.Offset = PastTheOverlap;
        var afterTheDay = await DeliveredWorkOrderAsync(await Api.RaiseJobAsync(association, contractId));
        Assert.Single(afterTheDay.Signature.Split(' '));
        Assert.True(Verifies(afterTheDay, rotated.Secret), "the work order does not verify under the new secret");
        Assert.False(Verifies(afterTheDay, supplier.Secret), "a day after the rotation the work order still verifies under the old secret");
    }

    [Fact]
    public async Task The_answer_says_until_when_the_previous_secret_is_valid_and_the_operator_chain_records_when_without_the_secret()
    {
        var before = clock.GetUtcNow();
        var answer = await Api.JsonAsync(HttpMethod.Post, RotatePath(supplier.SupplierId), ServiceHost.OperatorKey, expect: HttpStatusCode.OK);

        Assert.Equal(supplier.SupplierId, (string)answer["supplierId"]!);
        Assert.True(UtcTimestamp.TryParse((string?)answer["previousSecretValidUntil"], out var until), answer.ToJsonString());
        Assert.InRange(until, before + RotatingSecret<object>.Overlap - TimeSpan.FromSeconds(1), clock.GetUtcNow() + RotatingSecret<object>.Overlap);
        var tx = (await OperatorReceiptAsync((string)answer["eventId"]!))["tx"]!;
        Assert.Equal("supplier.webhookSecretRotated", (string)tx["type"]!);
        Assert.Equal((string)answer["previousSecretValidUntil"]!, (string)tx["data"]!["previousSecretValidUntil"]!);
        Assert.DoesNotContain(((string)answer["webhookSecret"]!)[WebhookSecret.Prefix.Length..], tx.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_the_previous_secret_refuses_it_at_once()
    {
        var jobId = await Api.RaiseJobAsync(association, contractId);
        var answer = await Api.JsonAsync(HttpMethod.Post, RotatePath(supplier.SupplierId), ServiceHost.OperatorKey, """{"previousSecret": "revoke"}""", HttpStatusCode.OK);

        using var underOld = await SendAsync(ApiClient.SupplierEvent(JobEventTypes.Accepted, jobId), supplier.Secret, "msg_revoked");

        Assert.Null(answer["previousSecretValidUntil"]);
        Assert.Equal(HttpStatusCode.Unauthorized, underOld.StatusCode);
    }

    [Theory]
    [InlineData("""{"previousSecret": "later"}""", "previousSecret")]
    [InlineData("""{"previousSecret": true}""", "previousSecret")]
    [InlineData("""{"secret": "whsec_AAAA"}""", "secret")]
    public async Task A_rotation_with_a_bad_field_is_refused_naming_it_and_changes_nothing(string body, string field)
    {
        var before = await OperatorRowsAsync(SecretsAndClaims);

        using var response = await Api.SendAsync(HttpMethod.Post, RotatePath(supplier.SupplierId), ServiceHost.OperatorKey, body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is not null, $"expected an error naming '{field}': {problem.ToJsonString()}");
        Assert.Equal(before, await OperatorRowsAsync(SecretsAndClaims));
    }

    [Theory]
    [InlineData("sup_nobody")]
    [InlineData("x'y")]
    [InlineData("..%2F..%2Fsecrets")]
    public async Task Rotating_the_secret_of_an_unknown_supplier_is_404(string supplierId)
    {
        using var response = await Api.SendAsync(HttpMethod.Post, RotatePath(supplierId), ServiceHost.OperatorKey);

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_operator_rotates_a_secret()
    {
        var before = await OperatorRowsAsync(SecretsAndClaims);

        using var asAssociation = await Api.SendAsync(HttpMethod.Post, RotatePath(supplier.SupplierId), association.ApiKey);
        using var anonymous = await Api.SendAsync(HttpMethod.Post, RotatePath(supplier.SupplierId), null);

        await ProblemAsync(asAssociation, HttpStatusCode.Forbidden);
        await ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(before, await OperatorRowsAsync(SecretsAndClaims));
    }

    [Fact]
    public async Task The_state_table_holds_no_webhook_secret_in_plain_text()
    {
        var rotated = await RotateAsync();

        var rows = await OperatorRowsAsync(_ => true);

        Assert.Contains("envelope", rows, StringComparison.Ordinal);
        foreach (var secret in new[] { supplier.Secret, rotated.Secret })
        {
            var base64 = secret.ToString()[WebhookSecret.Prefix.Length..];
            Assert.DoesNotContain(base64, rows, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(secret.Key), rows, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(WebhookSecret.Prefix, rows, StringComparison.Ordinal);
    }

    private static string RotatePath(string supplierId) => $"/api/suppliers/{supplierId}/webhook-secret";

    private async Task<Supplier> RotateAsync()
    {
        var answer = await Api.JsonAsync(HttpMethod.Post, RotatePath(supplier.SupplierId), ServiceHost.OperatorKey, expect: HttpStatusCode.OK);
        Assert.True(WebhookSecret.TryParse((string?)answer["webhookSecret"], out var secret), answer.ToJsonString());
        Assert.NotEqual(supplier.Secret.ToString(), secret.ToString());
        return supplier with { Secret = secret };
    }

    /// <summary>A supplier event signed with <paramref name="secret"/> alone, stamped by the host's clock.</summary>
    private Task<HttpResponseMessage> SendAsync(string body, WebhookSecret secret, string webhookId) =>
        Api.SendWebhookAsync(supplier, body, webhookId, clock.GetUtcNow(), secret);

    private bool Verifies(ReceivedWorkOrder workOrder, WebhookSecret secret) =>
        StandardWebhook.Verify(secret, workOrder.WebhookId, workOrder.Timestamp, workOrder.Signature, workOrder.RawBody, clock.GetUtcNow()).IsValid;

    private async Task<JsonObject> OperatorReceiptAsync(string eventId)
    {
        for (var i = 0; i < 300; i++)
        {
            using var response = await Api.SendAsync(HttpMethod.Get, $"/api/ledger/{OperatorChain.Name}/receipts/{eventId}", ServiceHost.OperatorKey);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Event {eventId} did not reach the operator's chain within 30 s.");
        return null!;
    }

    private async Task<ReceivedWorkOrder> DeliveredWorkOrderAsync(string jobId)
    {
        for (var i = 0; i < 300; i++)
        {
            if (SupplierEndpoint.Received.FirstOrDefault(w => w.WebhookId == "wo_" + jobId) is { } received)
            {
                return received;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The work order of {jobId} did not arrive within 30 s.");
        return null!;
    }

    // The rows a refused rotation must leave alone: the secrets, and the claims of accepted events. (The outbox
    // drains in the background, so it is left out of before-and-after comparisons.)
    private static bool SecretsAndClaims(string rowKey) => rowKey.StartsWith("webhook-secret|", StringComparison.Ordinal) || rowKey.StartsWith("event|", StringComparison.Ordinal);

    /// <summary>Every property of the operator's state rows whose key <paramref name="include"/> takes, as text.</summary>
    private async Task<string> OperatorRowsAsync(Func<string, bool> include)
    {
        var table = Azurite.Storage.Tables.GetTableClient(StorageNames.StateTable);
        var text = new StringBuilder();
        await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey eq '{OperatorChain.Name}'"))
        {
            if (!include(row.RowKey))
            {
                continue;
            }

            foreach (var (name, value) in row.Where(p => p.Key != "Timestamp" && p.Key != "odata.etag"))
            {
                text.Append(CultureInfo.InvariantCulture, $"{row.RowKey}.{name}={value}\n");
            }
        }

        return text.ToString();
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }
}
