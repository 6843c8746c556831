using System.Net;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>The standalone host as Program.cs composes it: where it listens, what it starts, and in what order.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class StandaloneHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Without_urls_it_listens_on_the_Functions_host_s_local_port()
    {
        await using var app = Create([], new() { ["AzureWebJobsStorage"] = azurite.ConnectionString });

        Assert.Equal(StandaloneHost.DefaultUrl, app.Configuration["urls"]);
    }

    [Fact]
    public async Task Urls_on_the_command_line_are_kept()
    {
        await using var app = Create(["--urls", "http://127.0.0.1:8099"], new() { ["AzureWebJobsStorage"] = azurite.ConnectionString });

        Assert.Equal("http://127.0.0.1:8099", app.Configuration["urls"]);
    }

    [Fact]
    public async Task On_development_storage_it_starts_Azurite_before_anything_else()
    {
        await using var app = Create([], new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal([typeof(EmbeddedAzuriteService), typeof(StorageBootstrapService), typeof(StandaloneTriggers)], HostedServices(app));
    }

    [Fact]
    public async Task On_another_storage_account_it_starts_no_Azurite()
    {
        await using var app = Create([], new() { ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=https;AccountName=hl;AccountKey=a2V5;EndpointSuffix=core.windows.net" });

        Assert.Equal([typeof(StorageBootstrapService), typeof(StandaloneTriggers)], HostedServices(app));
    }

    [Fact]
    public async Task Started_it_creates_its_storage_serves_each_route_with_its_methods_and_refuses_others_with_problems()
    {
        await using var app = Create(["--urls", "http://127.0.0.1:0"], new() { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var wrongMethod = await client.DeleteAsync(new Uri("/api/health", UriKind.Relative));
        using var noRoute = await client.GetAsync(new Uri("/api/ovens", UriKind.Relative));

        Assert.True(await azurite.Storage.Queues.GetQueueClient(StorageNames.LedgerAppendQueue).ExistsAsync(), "The ledger-append queue was not created.");
        Assert.True(await azurite.Storage.Blobs.GetBlobContainerClient(StorageNames.LocksContainer).ExistsAsync(), "The locks container was not created.");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "application/problem+json"), (wrongMethod.StatusCode, wrongMethod.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (noRoute.StatusCode, noRoute.Content.Headers.ContentType?.MediaType));
        await app.StopAsync();
    }

    private static WebApplication Create(string[] args, Dictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:Default"] = "Warning";
        return StandaloneHost.Create(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory }, settings);
    }

    /// <summary>The app's own hosted services, in start order (the web server's comes after them).</summary>
    private static Type[] HostedServices(WebApplication app) =>
        [.. app.Services.GetServices<IHostedService>().Select(s => s.GetType()).Where(t => t.Assembly == typeof(StandaloneHost).Assembly)];
}
