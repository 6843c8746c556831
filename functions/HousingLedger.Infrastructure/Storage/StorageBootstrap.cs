namespace HousingLedger.Infrastructure.Storage;

/// <summary>Creates every table, queue and container in <see cref="StorageNames"/>; what exists already is left alone.</summary>
public static class StorageBootstrap
{
    public static async Task CreateAllAsync(StorageClients storage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        foreach (var table in StorageNames.Tables)
        {
            await storage.Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        foreach (var queue in StorageNames.Queues)
        {
            await storage.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var container in StorageNames.Containers)
        {
            await storage.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
