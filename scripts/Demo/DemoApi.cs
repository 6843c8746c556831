using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Demo;

/// <summary>The service as the demo's cast use it: the operator, two associations' admins and the supplier's system.</summary>
internal sealed class DemoApi(Uri baseAddress, string operatorKey) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };

    public string OperatorKey { get; } = operatorKey;

    public async Task<JsonObject> PostAsync(string path, string key, JsonObject body) =>
        JsonNode.Parse(await SendAsync(HttpMethod.Post, path, key, body.ToJsonString()))!.AsObject();

    public async Task<JsonObject> GetJsonAsync(string path, string key) =>
        JsonNode.Parse(await SendAsync(HttpMethod.Get, path, key, null))!.AsObject();

    public Task<string> GetTextAsync(string path, string key) => SendAsync(HttpMethod.Get, path, key, null);

    /// <summary>A supplier event, signed with Standard Webhooks as the supplier's system would sign it.</summary>
    public async Task SupplierSaysAsync(string supplierId, WebhookSecret secret, string type, string jobId, DateTimeOffset occurredAt)
    {
        var body = new JsonObject { ["type"] = type, ["jobId"] = jobId, ["occurredAt"] = UtcTimestamp.Format(occurredAt), ["data"] = new JsonObject() }.ToJsonString();
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/webhooks/suppliers/{supplierId}") { Content = Json(body) };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhook.Sign(secret, id, now, Encoding.UTF8.GetBytes(body)));
        await ReadAsync(await http.SendAsync(request), $"{type} for {jobId}");
    }

    public void Dispose() => http.Dispose();

    private async Task<string> SendAsync(HttpMethod method, string path, string key, string? body)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = Json(body);
        }

        return await ReadAsync(await http.SendAsync(request), $"{method} {path}");
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response, string what)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode
                ? text
                : throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {text}");
        }
    }

    private static ByteArrayContent Json(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
