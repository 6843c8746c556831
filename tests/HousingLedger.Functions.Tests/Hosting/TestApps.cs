using HousingLedger.Functions.Hosting;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>Builds and runs the function app in process on a free port, in either mode.</summary>
internal static class TestApps
{
    /// <summary>A builder in custom-handler mode, as the Functions host starts the app (on any free port).</summary>
    public static WebApplicationBuilder CustomHandler(params (string Key, string Value)[] settings) =>
        Builder([], [(FunctionsHostExtensions.CustomHandlerPortSetting, "0"), ("AzureWebJobsStorage", "UseDevelopmentStorage=true"), .. settings]);

    /// <summary>A builder in standalone mode against <paramref name="connectionString"/>, polling queues fast.</summary>
    public static WebApplicationBuilder Standalone(string connectionString, params (string Key, string Value)[] settings) =>
        Builder(
            ["--urls", "http://127.0.0.1:0"],
            [("AzureWebJobsStorage", connectionString), ("AzureFunctionsJobHost:extensions:queues:maxPollingInterval", "00:00:00.200"), .. settings]);

    public static WebApplicationBuilder Builder(string[] args, IEnumerable<(string Key, string Value)> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.ClearProviders();
        return builder;
    }
}

/// <summary>A started app and a client for it; stops the app when disposed.</summary>
internal sealed class RunningApp : IAsyncDisposable
{
    private RunningApp(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<RunningApp> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var port = new Uri(app.Urls.First().Replace("*", "localhost", StringComparison.Ordinal)).Port;
        return new RunningApp(app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
