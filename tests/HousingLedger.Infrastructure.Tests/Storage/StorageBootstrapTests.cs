using Azure.Data.Tables;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;

namespace HousingLedger.Infrastructure.Tests.Storage;

[Collection(AzuriteFixture.CollectionName)]
public sealed class StorageBootstrapTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateAllAsync_CreatesEveryNamedTableQueueAndContainer_AndRunsAgainHarmlessly()
    {
        await StorageBootstrap.CreateAllAsync(azurite.Storage);
        await StorageBootstrap.CreateAllAsync(azurite.Storage);

        var tables = new List<string>();
        await foreach (var table in azurite.Storage.Tables.QueryAsync())
        {
            tables.Add(table.Name);
        }

        var queues = new List<string>();
        await foreach (var queue in azurite.Storage.Queues.GetQueuesAsync())
        {
            queues.Add(queue.Name);
        }

        var containers = new List<string>();
        await foreach (var container in azurite.Storage.Blobs.GetBlobContainersAsync())
        {
            containers.Add(container.Name);
        }

        Assert.Empty(StorageNames.Tables.Except(tables));
        Assert.Empty(StorageNames.Queues.Except(queues));
        Assert.Empty(StorageNames.Containers.Except(containers));
    }
}
