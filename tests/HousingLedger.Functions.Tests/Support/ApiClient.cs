using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Webhooks;
using HousingLedger.Values;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>Talks to the service as its users do: the operator, an association, and a supplier's system.</summary>
public sealed class ApiClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, string? body = null, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return http.SendAsync(request);
    }

    /// <summary>The status the service answers a request with, its body unread.</summary>
    public async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, string? key)
    {
        using var response = await SendAsync(method, path, key);
        return response.StatusCode;
    }

    public async Task<JsonObject> JsonAsync(HttpMethod method, string path, string? key, string? body = null, HttpStatusCode? expect = null)
    {
        using var response = await SendAsync(method, path, key, body);
        var text = await response.Content.ReadAsStringAsync();
        if (expect is not null)
        {
            Assert.True(response.StatusCode == expect, $"{method} {path}: expected {(int)expect}, got {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<Association> OnboardAssociationAsync(string name = "Riverside Homes")
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["bank"] = new JsonObject { ["sortCode"] = "20-00-00", ["accountNumber"] = "55779911", ["accountName"] = name },
        };
        var answer = await JsonAsync(HttpMethod.Post, "/api/associations", ServiceHost.OperatorKey, body.ToJsonString(), HttpStatusCode.Created);
        return new Association((string)answer["associationId"]!, (string)answer["apiKey"]!);
    }

    /// <summary>Issues the association another key with <paramref name="role"/>, through the admin key it holds; the new key and its id.</summary>
    public async Task<(Association Key, string KeyId)> IssueKeyAsync(Association admin, string role)
    {
        var body = new JsonObject { ["name"] = "issued by a test", ["role"] = role };
        var answer = await JsonAsync(HttpMethod.Post, "/api/keys", admin.ApiKey, body.ToJsonString(), HttpStatusCode.Created);
        return (admin with { ApiKey = (string)answer["apiKey"]! }, (string)answer["keyId"]!);
    }

    public async Task<Supplier> RegisterSupplierAsync(Uri workOrderUrl, string name = "Acme Ovens Ltd")
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["workOrderUrl"] = workOrderUrl.ToString(),
            ["bank"] = new JsonObject { ["sortCode"] = "401122", ["accountNumber"] = "12345678", ["accountName"] = name },
        };
        var answer = await JsonAsync(HttpMethod.Post, "/api/suppliers", ServiceHost.OperatorKey, body.ToJsonString(), HttpStatusCode.Created);
        Assert.True(WebhookSecret.TryParse((string)answer["webhookSecret"]!, out var secret), "the webhook secret is not in whsec_ form");
        return new Supplier((string)answer["supplierId"]!, secret);
    }

    public static JsonObject OvenContract(string supplierId) => JsonNode.Parse($$"""
        {
          "title": "Cooker and oven replacement framework 2026",
          "supplierId": "{{supplierId}}",
          "starts": "2026-01-01", "ends": "2027-12-31",
          "vatRate": "0.20",
          "items": [{"code": "OVEN-600-SINGLE", "description": "Supply and fit 60 cm electric single oven", "unitPrice": 34500}],
          "timescales": {"emergency": "PT24H", "urgent": "P7D", "routine": "P28D"},
          "volumeDiscount": {"tiers": [{"minUnits": 1, "rate": "0"}, {"minUnits": 101, "rate": "0.05"}, {"minUnits": 501, "rate": "0.08"}]},
          "latePenalty": {"window": "P12M", "threshold": "0.10", "reduction": "0.20"}
        }
        """)!.AsObject();

    public async Task<string> RegisterContractAsync(Association association, string supplierId)
    {
        var answer = await JsonAsync(HttpMethod.Post, "/api/contracts", association.ApiKey, OvenContract(supplierId).ToJsonString(), HttpStatusCode.Created);
        return (string)answer["contractId"]!;
    }

    public async Task<string> RaiseJobAsync(Association association, string contractId, string? jobId = null, string priority = "urgent", DateTimeOffset? raisedAt = null)
    {
        var body = new JsonObject
        {
            ["contractId"] = contractId,
            ["itemCode"] = "OVEN-600-SINGLE",
            ["quantity"] = 1,
            ["priority"] = priority,
            ["propertyRef"] = "UPRN-100023336956",
        };
        if (jobId is not null)
        {
            body["jobId"] = jobId;
        }

        if (raisedAt is { } at)
        {
            body["raisedAt"] = UtcTimestamp.Format(at);
        }

        var answer = await JsonAsync(HttpMethod.Post, "/api/jobs", association.ApiKey, body.ToJsonString(), HttpStatusCode.Accepted);
        return (string)answer["jobId"]!;
    }

    /// <summary>Sends a supplier event as a signed Standard Webhook.</summary>
    public Task<HttpResponseMessage> SendWebhookAsync(Supplier supplier, string body, string? webhookId = null, DateTimeOffset? timestamp = null, WebhookSecret? signWith = null)
    {
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var at = timestamp ?? DateTimeOffset.UtcNow;
        var signature = StandardWebhook.Sign(signWith ?? supplier.Secret, id, at, Encoding.UTF8.GetBytes(body));
        return SendAsync(HttpMethod.Post, $"/api/webhooks/suppliers/{supplier.SupplierId}", null, body, headers: new Dictionary<string, string>
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = signature,
        });
    }

    public static string SupplierEvent(string type, string jobId, JsonObject? data = null) =>
        new JsonObject { ["type"] = type, ["jobId"] = jobId, ["data"] = data ?? [] }.ToJsonString();

    public async Task<JsonObject> HeadAsync(Association association) =>
        await JsonAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/head", association.ApiKey, expect: HttpStatusCode.OK);

    /// <summary>The association's chain's checkpoint: the signed note as served.</summary>
    public async Task<string> CheckpointNoteAsync(Association association)
    {
        using var answer = await SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/checkpoint", association.ApiKey);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>The association's chain's checkpoint, verified under the keys the service publishes.</summary>
    public async Task<Checkpoint> VerifiedCheckpointAsync(Association association)
    {
        var jwks = Jwks.FromJson(await JsonAsync(HttpMethod.Get, "/api/.well-known/jwks.json", null, expect: HttpStatusCode.OK));
        Assert.True(jwks.IsValid, string.Join("; ", jwks.Errors));
        var verified = CheckpointVerifier.Verify(await CheckpointNoteAsync(association), jwks.Value.Keys);
        Assert.True(verified.Valid, verified.Reason);
        return verified.Checkpoint!;
    }

    /// <summary>The association's chain as its export serves it.</summary>
    public async Task<List<Block>> ExportAsync(Association association)
    {
        using var export = await SendAsync(HttpMethod.Get, $"/api/ledger/{association.AssociationId}/export", association.ApiKey);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(Block.FromExportLine).Select(block => block.IsValid ? block.Value : throw new InvalidDataException(string.Join("; ", block.Errors)))];
    }

    /// <summary>Waits, up to a bound, until the association's chain holds <paramref name="transactions"/> transactions.</summary>
    public async Task<JsonObject> WaitForChainAsync(Association association, long transactions, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        JsonObject head;
        do
        {
            head = await HeadAsync(association);
            if ((long)head["txCount"]! >= transactions)
            {
                return head;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Chain {association.AssociationId} reached {head["txCount"]} transactions, not {transactions}, in time.");
        return head;
    }

    public void Dispose() => http.Dispose();
}

public sealed record Association(string AssociationId, string ApiKey)
{
    /// <summary>The association's id as the service's own types take it.</summary>
    public AssociationId Id => TypedId.Parse<AssociationId>(AssociationId);
}

public sealed record Supplier(string SupplierId, WebhookSecret Secret);
