using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Webhooks;

namespace HousingLedger.LoadGenerator;

/// <summary>One answer from the service: its status (0 when no answer came), its body, how long it took, and its media type.</summary>
public sealed record Answer(int Status, string Body, TimeSpan Latency, string? MediaType = null)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string Field(string name) => (string?)Json[name] ?? throw new InvalidOperationException($"The answer has no '{name}': {Body}");
}

/// <summary>
/// Speaks the service's HTTP API as its callers do: the operator, an association's admin and a supplier's system.
/// A transport failure or timeout is an answer with status 0, so the load run can count it like any other error.
/// Thread-safe.
/// </summary>
public sealed class ServiceClient(Uri serviceUrl) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = serviceUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private long requests;

    /// <summary>How many requests this client has sent.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Posts JSON; an <paramref name="idempotencyKey"/> becomes the recorded event's id.</summary>
    public Task<Answer> PostAsync(string path, string? key, JsonObject body, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Post,
            path,
            key,
            Encoding.UTF8.GetBytes(body.ToJsonString()),
            idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey },
            cancellationToken);

    public Task<Answer> GetAsync(string path, string? key, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, key, null, null, cancellationToken);

    /// <summary>
    /// A GET for an audit, sent again while it gets no answer or a 5xx, for up to five minutes: a host busy settling
    /// thousands of jobs on a saturated Azurite can take longer than the 30-second timeout to answer one read.
    /// </summary>
    public async Task<Answer> ReadAsync(string path, string? key, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            var answer = await GetAsync(path, key, cancellationToken);
            if (answer.Status is > 0 and < 500 || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>Sends a supplier event signed as a Standard Webhook whose <c>webhook-id</c> is <paramref name="webhookId"/>.</summary>
    public Task<Answer> SendSupplierEventAsync(SupplierAccount supplier, string webhookId, JsonObject body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var at = DateTimeOffset.UtcNow;
        var headers = new Dictionary<string, string>
        {
            [StandardWebhook.IdHeader] = webhookId,
            [StandardWebhook.TimestampHeader] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            [StandardWebhook.SignatureHeader] = StandardWebhook.Sign(supplier.Secret, webhookId, at, bytes),
        };
        return SendAsync(HttpMethod.Post, $"/api/webhooks/suppliers/{supplier.SupplierId}", null, bytes, headers, cancellationToken);
    }

    private Task<Answer> SendAsync(
        HttpMethod method, string path, string? key, byte[]? body, Dictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var all = new List<KeyValuePair<string, string>>(headers ?? []);
        if (key is not null)
        {
            all.Add(new("Authorization", "Bearer " + key));
        }

        return SendRawAsync(method, path, all, body, body is null ? null : "application/json", cancellationToken);
    }

    /// <summary>
    /// Sends exactly these headers (repeats allowed, unvalidated) and body bytes, with <paramref name="contentType"/>
    /// as given (none when null): what a careless or hostile caller sends.
    /// </summary>
    public async Task<Answer> SendRawAsync(
        HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> headers, byte[]? body, string? contentType, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new Answer((int)response.StatusCode, text, clock.Elapsed, response.Content.Headers.ContentType?.MediaType);
        }
        catch (HttpRequestException ex)
        {
            return new Answer(0, ex.Message, clock.Elapsed);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout: no answer in time.
            return new Answer(0, ex.Message, clock.Elapsed);
        }
    }

    public void Dispose() => http.Dispose();
}
