using Azure.Data.Tables;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;

namespace HousingLedger.Infrastructure.Tests.Storage;

/// <summary>Each kind of storage call made through counted clients is counted once, as its kind, against a real Azurite.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class StorageOperationCountingTests(AzuriteFixture azurite)
{
    private readonly StorageOperationCounts counts = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Table_calls_are_counted_as_point_reads_writes_batches_and_queries_with_their_entities_and_rows()
    {
        var table = Counted().Tables.GetTableClient(AzuriteFixture.UniqueName("counted"));
        await table.CreateAsync();
        var before = counts.Snapshot();

        await table.AddEntityAsync(new TableEntity("p", "a") { ["Text"] = "application/http in a value is not a part" });
        await table.GetEntityAsync<TableEntity>("p", "a");
        await table.UpsertEntityAsync(new TableEntity("p", "a") { ["Text"] = "changed" }, TableUpdateMode.Replace);
        await table.UpdateEntityAsync(new TableEntity("p", "a") { ["More"] = 1 }, Azure.ETag.All, TableUpdateMode.Merge);
        await table.SubmitTransactionAsync(new[] { "b", "c", "d" }.Select(key => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", key))));
        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p" && e.RowKey.CompareTo("b") >= 0).ToListAsync();
        var all = await table.QueryAsync<TableEntity>(maxPerPage: 3).ToListAsync();
        await table.DeleteEntityAsync("p", "a");
        var missing = await table.GetEntityIfExistsAsync<TableEntity>("p", "a");

        Assert.Equal(3, rows.Count);
        Assert.Equal(4, all.Count);
        Assert.False(missing.HasValue);
        var counted = counts.Snapshot().Minus(before);
        Assert.Equal(
            new StorageOperationSnapshot(before.Since, PointReads: 2, Writes: 4, Batches: 1, BatchEntities: 3, Queries: 3, RowsRead: 7, 0, 0, 0, 0, Blobs: 0, Other: 0),
            counted);
        Assert.Equal(10, counted.Operations);
    }

    [Fact]
    public async Task Queue_calls_are_counted_as_sends_receives_updates_and_deletes_and_blob_calls_as_blob()
    {
        var storage = Counted();
        var queue = storage.Queues.GetQueueClient(AzuriteFixture.UniqueName("counted-"));
        var container = storage.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("counted-"));
        await queue.CreateAsync();
        var before = counts.Snapshot();

        await queue.SendMessageAsync("one");
        var received = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        var updated = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "two", TimeSpan.Zero)).Value;
        await queue.DeleteMessageAsync(received.MessageId, updated.PopReceipt);
        var empty = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value;
        await queue.PeekMessagesAsync();
        await container.CreateAsync();
        await container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("a"));
        await container.GetBlobClient("a.txt").DownloadContentAsync();

        Assert.Empty(empty);
        var counted = counts.Snapshot().Minus(before);
        Assert.Equal(
            new StorageOperationSnapshot(before.Since, 0, 0, 0, 0, 0, 0, QueueSends: 1, QueueReceives: 3, QueueDeletes: 1, QueueUpdates: 1, Blobs: 3, Other: 0),
            counted);
    }

    [Fact]
    public async Task Creating_tables_and_queues_is_other_and_uncounted_clients_count_nothing()
    {
        var storage = Counted();
        var before = counts.Snapshot();

        await storage.Tables.CreateTableIfNotExistsAsync(AzuriteFixture.UniqueName("counted"));
        await storage.Queues.GetQueueClient(AzuriteFixture.UniqueName("counted-")).CreateIfNotExistsAsync();
        await azurite.Storage.Tables.CreateTableIfNotExistsAsync(AzuriteFixture.UniqueName("uncounted"));

        Assert.Equal(2, counts.Snapshot().Minus(before).Other);
        Assert.Equal(2, counts.Snapshot().Minus(before).Operations);
        Assert.Null(azurite.Storage.OperationCounts);
    }

    private StorageClients Counted() => StorageClients.FromConnectionString(azurite.ConnectionString, counts);
}
