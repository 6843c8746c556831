using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Storage.Azurite;
using Microsoft.Extensions.Configuration.Memory;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// The app on its own, with the Functions host's semantics, for a developer's machine and the tests: one process
/// serves every HTTP function under <c>/api</c> and the staff console at <c>/</c> on <c>http://localhost:7071</c> (unless <c>--urls</c> or
/// <c>ASPNETCORE_URLS</c> say otherwise), reads <c>local.settings.json</c>, stores in Azurite unless
/// <c>AzureWebJobsStorage</c> says otherwise (starting it if need be), creates its storage, and runs the queue and
/// timer functions itself.
/// </summary>
public static class StandaloneHost
{
    /// <summary>Where the standalone host listens by default: the Functions host's local address.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>
    /// The app as Program.cs runs it, with <paramref name="settings"/> laid over its configuration when tests or tools
    /// run it in process, and <paramref name="configureServices"/> registering before the app does (a test's clock,
    /// say: the app registers <see cref="TimeProvider"/> only when nothing has).
    /// </summary>
    /// <exception cref="InvalidOperationException">local.settings.json is malformed, or a function is declared in a way this host cannot run.</exception>
    public static WebApplication Create(WebApplicationOptions options, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var repositoryRoot = RepositoryRoot.Find(builder.Environment.ContentRootPath, AppContext.BaseDirectory);
        AddDeveloperDefaults(builder, repositoryRoot);
        var services = builder.Services;
        configureServices?.Invoke(services);
        services.AddHousingLedger(builder.Configuration);

        var catalog = FunctionCatalog.Of(typeof(StandaloneHost).Assembly);
        services.AddSingleton(catalog);
        services.AddSingleton<FunctionInvoker>();
        services.AddOptions<QueueListenerOptions>()
            .BindConfiguration(QueueListenerOptions.SectionName)
            .Validate(o => o.IsValid, $"{QueueListenerOptions.SectionName}: batchSize must be 1 to 32, maxDequeueCount at least 1, maxPollingInterval at least 100 ms, visibilityTimeout not negative.")
            .ValidateOnStart();

        // Started in this order and stopped in reverse: Azurite outlives everything that uses it.
        if (StorageClients.IsDevelopmentStorage(builder.Configuration))
        {
            services.AddHostedService<EmbeddedAzuriteService>();
        }

        services.AddHostedService<StorageBootstrapService>();
        services.AddHostedService<StandaloneTriggers>();

        var app = builder.Build();
        // This host's own refusals (no such route, a method the route does not take) are problems too; under the
        // Functions host, the host answers those itself.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHttpFunctions(catalog);
        if (repositoryRoot is not null)
        {
            app.MapConsole(repositoryRoot);
        }

        return app;
    }

    /// <summary>Runs the app until it is stopped.</summary>
    /// <returns>The process exit code: 0 when it stopped cleanly, 1 when its storage could not be started.</returns>
    public static async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (AzuriteUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>What Core Tools gives the Functions host on a developer's machine: local.settings.json, Azurite, port 7071.</summary>
    private static void AddDeveloperDefaults(WebApplicationBuilder builder, string? repositoryRoot)
    {
        if (repositoryRoot is not null)
        {
            LocalSettingsFile.AddTo(builder.Configuration, repositoryRoot);
        }

        // Lowest of all: a developer's machine stores in Azurite unless told otherwise.
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new(StorageClients.ConnectionSettingName, "UseDevelopmentStorage=true")],
        });

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
