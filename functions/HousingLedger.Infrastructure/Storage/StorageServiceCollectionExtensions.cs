using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HousingLedger.Infrastructure.Storage;

/// <summary>Registers the storage clients once for the whole process.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageClients"/> and its <see cref="TableServiceClient"/>, <see cref="QueueServiceClient"/>
    /// and <see cref="BlobServiceClient"/> as singletons, built on first use from <c>AzureWebJobsStorage</c>.
    /// Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.TryAddSingleton(provider => provider.GetRequiredService<StorageClients>().Tables);
        services.TryAddSingleton(provider => provider.GetRequiredService<StorageClients>().Queues);
        services.TryAddSingleton(provider => provider.GetRequiredService<StorageClients>().Blobs);
        return services;
    }
}
