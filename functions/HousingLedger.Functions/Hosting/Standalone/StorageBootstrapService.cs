using HousingLedger.Infrastructure.Storage;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>In standalone mode, creates every table, queue and container before anything uses them (in Azure, infra/ does).</summary>
internal sealed class StorageBootstrapService(StorageClients storage, ILogger<StorageBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StorageBootstrap.CreateAllAsync(storage, cancellationToken);
        logger.LogInformation(
            "Storage ready: tables {Tables}; queues {Queues}; containers {Containers}",
            string.Join(", ", StorageNames.Tables), string.Join(", ", StorageNames.Queues), string.Join(", ", StorageNames.Containers));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
