using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HousingLedger.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HousingLedger.Infrastructure.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddStorage_RegistersOneSetOfClients_TheSameAsStorageClientsHolds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
        using var services = new ServiceCollection().AddStorage(configuration).AddStorage(configuration).BuildServiceProvider();

        var storage = services.GetRequiredService<StorageClients>();

        Assert.Same(storage, services.GetRequiredService<StorageClients>());
        Assert.Same(storage.Queues, services.GetRequiredService<QueueServiceClient>());
        Assert.Same(storage.Tables, services.GetRequiredService<TableServiceClient>());
        Assert.Same(storage.Blobs, services.GetRequiredService<BlobServiceClient>());
        Assert.Single(services.GetServices<StorageClients>());
    }
}
