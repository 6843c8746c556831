using System.Collections.Concurrent;
using System.Text.Json;
using HousingLedger.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// A supplier's work-order endpoint on a free loopback port. It records what arrives with whether its Standard
/// Webhooks signature verified, and answers with <see cref="Answer"/> (200 by default).
/// </summary>
public sealed class SupplierEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;

    private SupplierEndpoint(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Set once the supplier is registered, so signatures can be checked.</summary>
    public WebhookSecret? Secret { get; set; }

    public int Answer { get; set; } = 200;

    public ConcurrentQueue<ReceivedWorkOrder> Received { get; } = new();

    public static async Task<SupplierEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        SupplierEndpoint? endpoint = null;
        app.MapPost("/work-orders", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var verified = endpoint!.Secret is not null && StandardWebhook.Verify(
                endpoint.Secret, request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"], body, DateTimeOffset.UtcNow).IsValid;
            using var json = JsonDocument.Parse(body);
            endpoint.Received.Enqueue(new ReceivedWorkOrder(
                request.Headers["webhook-id"].ToString(), json.RootElement.Clone(), verified, request.Headers["webhook-timestamp"].ToString(), request.Headers["webhook-signature"].ToString(), body));
            return Results.StatusCode(endpoint.Answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint = new SupplierEndpoint(app, new Uri(new Uri(address), "/work-orders"));
        return endpoint;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>A work order as it arrived: <see cref="SignatureVerified"/> under <see cref="SupplierEndpoint.Secret"/> by the real clock, and what to check it again by another.</summary>
public sealed record ReceivedWorkOrder(string WebhookId, JsonElement Body, bool SignatureVerified, string Timestamp, string Signature, byte[] RawBody);
