using HousingLedger.Infrastructure.Storage.Azurite;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// In standalone mode on development storage, starts the repository's pinned Azurite (data in
/// <c>&lt;repo&gt;/.azurite</c>) unless one is listening already, and stops it with the app.
/// </summary>
internal sealed class EmbeddedAzuriteService(IHostEnvironment environment, ILogger<EmbeddedAzuriteService> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteProcess? azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoints = AzuriteEndpoints.Default;
        if (await PortProbe.IsListeningAsync(endpoints.Host, endpoints.TablePort, cancellationToken))
        {
            logger.LogInformation("Using the storage emulator already listening on {Host}:{Port}", endpoints.Host, endpoints.TablePort);
            return;
        }

        var root = RepositoryRoot.Find(environment.ContentRootPath, AppContext.BaseDirectory)
            ?? throw Unavailable($"no {RepositoryRoot.MarkerFile} was found above {environment.ContentRootPath} or {AppContext.BaseDirectory}, so the pinned Azurite cannot be located (run the app from inside the repository).");
        try
        {
            azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(root, endpoints, Path.Combine(root, ".azurite")), logger, cancellationToken);
        }
        catch (AzuriteUnavailableException ex)
        {
            throw Unavailable(ex.Message, ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (azurite is { } running)
        {
            azurite = null;
            await running.DisposeAsync();
            logger.LogInformation("Azurite stopped");
        }
    }

    private static AzuriteUnavailableException Unavailable(string reason, Exception? cause = null)
    {
        var message =
            $"The standalone host keeps its data in Azurite (AzureWebJobsStorage=UseDevelopmentStorage=true) and could not start it: {reason}{Environment.NewLine}" +
            "To fix it: run `npm ci` in the repository root and try again; or start Azurite yourself " +
            "(`npx azurite --location .azurite --skipApiVersionCheck` in the repository root); " +
            "or set AzureWebJobsStorage to another storage account's connection string.";
        return cause is null ? new AzuriteUnavailableException(message) : new AzuriteUnavailableException(message, cause);
    }
}
