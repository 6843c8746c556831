using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Values;

namespace HousingLedger.Functions.Tests.Parties;

/// <summary>The bank-detail routes as the operator and an association's admin call them.</summary>
internal static class BankDetailsApi
{
    /// <summary>The operator, as a caller of the ledger routes (its key reads every chain).</summary>
    public static Association Operator { get; } = new("operator", ServiceHost.OperatorKey);

    public static JsonObject Bank(string sortCode = "20-30-40", string accountNumber = "87654321") =>
        new() { ["sortCode"] = sortCode, ["accountNumber"] = accountNumber, ["accountName"] = "Acme Ovens Ltd" };

    public static Task<HttpResponseMessage> ChangeAsync(
        ApiClient api, string supplierId, JsonObject bank, DateTimeOffset? occurredAt = null, string? idempotencyKey = null)
    {
        var body = new JsonObject { ["bank"] = bank.DeepClone() };
        if (occurredAt is { } at)
        {
            body["occurredAt"] = UtcTimestamp.Format(at);
        }

        return api.SendAsync(
            HttpMethod.Put, $"/api/suppliers/{supplierId}/bank-details", ServiceHost.OperatorKey, body.ToJsonString(),
            headers: idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });
    }

    /// <summary>Changes the details and answers the change, failing the test unless it is recorded.</summary>
    public static async Task<JsonObject> ChangedAsync(ApiClient api, string supplierId, JsonObject bank, DateTimeOffset? occurredAt = null, string? idempotencyKey = null)
    {
        using var response = await ChangeAsync(api, supplierId, bank, occurredAt, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"changing the bank details: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Task<HttpResponseMessage> ConfirmAsync(ApiClient api, string key, string supplierId, string changeEventId) =>
        api.SendAsync(
            HttpMethod.Post, $"/api/suppliers/{supplierId}/bank-details/confirmations", key, new JsonObject { ["changeEventId"] = changeEventId }.ToJsonString());

    /// <summary>The problem's <c>errors</c> member names, after checking its status.</summary>
    public static async Task<IReadOnlyList<string>> RefusedFieldsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. JsonNode.Parse(text)!["errors"]?.AsObject().Select(error => error.Key) ?? []];
    }
}
