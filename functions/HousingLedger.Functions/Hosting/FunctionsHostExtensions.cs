using HousingLedger.Functions.Hosting.Catalog;
using HousingLedger.Functions.Hosting.Invocation;
using HousingLedger.Functions.Hosting.Metadata;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Storage.Azurite;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HousingLedger.Functions.Hosting;

/// <summary>
/// Runs the app under the Azure Functions host as a custom handler, or on its own (standalone) with the
/// host's semantics. Custom-handler mode is chosen when the host sets <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>:
/// the app listens there, the host runs the triggers and invokes functions over HTTP. Otherwise the app
/// listens on <c>http://localhost:7071</c> (unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> say otherwise),
/// reads <c>local.settings.json</c>, stores in Azurite unless <c>AzureWebJobsStorage</c> says otherwise (starting
/// it if need be), creates its storage and runs the queue and timer triggers itself.
/// </summary>
public static class FunctionsHostExtensions
{
    /// <summary>Set by the Functions host to the port it calls the custom handler on.</summary>
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Where the standalone host listens by default: the Functions host's local address.</summary>
    public const string StandaloneUrl = "http://localhost:7071";

    /// <exception cref="InvalidOperationException"><c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is not a port, or local.settings.json is malformed.</exception>
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddStorage(builder.Configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FunctionRegistry>();
        services.TryAddSingleton<FunctionInvoker>();

        if (CustomHandlerPort(builder.Configuration) is { } port)
        {
            builder.WebHost.UseUrls($"http://*:{port}");
            return builder;
        }

        if (RepositoryRoot.Find(builder.Environment.ContentRootPath, AppContext.BaseDirectory) is { } repositoryRoot)
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
            builder.WebHost.UseUrls(StandaloneUrl);
        }

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
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /{FunctionName}</c>, where the Functions host invokes queue and timer functions, and checks
    /// the declared functions' names now rather than at the first invocation.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two functions share a name.</exception>
    public static WebApplication MapFunctionInvocations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<FunctionRegistry>();
        app.MapInvocationEndpoint();
        return app;
    }

    /// <summary>
    /// Runs the app; or, for <c>functions-json --output &lt;folder&gt;</c>, writes each function's function.json
    /// there without starting anything.
    /// </summary>
    /// <returns>The process exit code: 0 when it ran (or wrote) and stopped cleanly, 1 when storage could not be started, 2 for a wrong command line.</returns>
    public static async Task<int> RunFunctionsHostAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (FunctionsJsonCommand.IsInvoked(args))
        {
            return FunctionsJsonCommand.Run(app, args, Console.Out, Console.Error);
        }

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

    private static int? CustomHandlerPort(ConfigurationManager configuration)
    {
        var text = configuration[CustomHandlerPortSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new InvalidOperationException($"{CustomHandlerPortSetting} is '{text}', which is not a TCP port.");
    }
}
