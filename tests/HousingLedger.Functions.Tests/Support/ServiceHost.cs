using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using HousingLedger.Functions.Hosting.Standalone;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// The function app in standalone mode, in this process, on a free loopback port, against the test run's Azurite:
/// real HTTP, real queues and timers, the same composition as Program.cs.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    public const string OperatorKey = "test-operator-key";

    /// <summary>
    /// The key-encryption key of suppliers' webhook secrets, one for every host of the test run: they share one
    /// Azurite, and a work order queued by one host may be delivered by another, which must open its secret.
    /// </summary>
    public static readonly string WebhookSecretsKeyPath = Path.Combine(Path.GetTempPath(), "hl-test-keys", "webhook-secrets.key");

    private readonly WebApplication app;

    private ServiceHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="clock">The service's clock; the system's when null.</param>
    public static async Task<ServiceHost> StartAsync(string storageConnection, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var keyFolder = Path.Combine(Path.GetTempPath(), "hl-test-keys");
        var configuration = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnection,
            ["Operator:ApiKey"] = OperatorKey,
            ["Signing:LocalKeyPath"] = Path.Combine(keyFolder, "signing-key.pem"),
            ["WebhookSecrets:LocalKeyPath"] = WebhookSecretsKeyPath,
            ["Logging:LogLevel:Default"] = "Warning",

            // The nightly settlement would settle other tests' jobs in the shared Azurite if a run crossed 02:00.
            ["AzureWebJobs.Settlement.Disabled"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = StandaloneHost.Create(
            new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"], ContentRootPath = AppContext.BaseDirectory },
            configuration,
            services =>
            {
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
