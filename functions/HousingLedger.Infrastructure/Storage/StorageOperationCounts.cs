namespace HousingLedger.Infrastructure.Storage;

/// <summary>The kinds of storage call <see cref="StorageOperationCountingPolicy"/> tells apart, each billed as a transaction.</summary>
public enum StorageOperation
{
    /// <summary>One Table entity read by its keys.</summary>
    PointRead,

    /// <summary>One Table entity inserted, replaced, merged or deleted on its own.</summary>
    Write,

    /// <summary>One Table entity-group transaction (<c>$batch</c>), whatever it holds.</summary>
    Batch,

    /// <summary>One Table query page (a <c>$filter</c>, or none: a scan).</summary>
    Query,

    QueueSend,

    /// <summary>A receive or a peek, whether or not it found a message.</summary>
    QueueReceive,

    QueueDelete,

    QueueUpdate,

    /// <summary>Any Blob call.</summary>
    Blob,

    /// <summary>Anything else: creating tables and queues, reading queue properties, and the like.</summary>
    Other,
}

/// <summary>
/// Counts of storage calls since <see cref="Since"/>, by kind, with the entities the batches carried and the rows the
/// queries returned. Thread-safe; one instance per process, shared by the policies on every client.
/// </summary>
public sealed class StorageOperationCounts(DateTimeOffset since)
{
    private readonly long[] operations = new long[Enum.GetValues<StorageOperation>().Length];
    private long batchEntities;
    private long rowsRead;

    public DateTimeOffset Since { get; } = since;

    public void Add(StorageOperation operation, long batchEntityCount = 0, long rowCount = 0)
    {
        Interlocked.Increment(ref operations[(int)operation]);
        if (batchEntityCount > 0)
        {
            Interlocked.Add(ref batchEntities, batchEntityCount);
        }

        if (rowCount > 0)
        {
            Interlocked.Add(ref rowsRead, rowCount);
        }
    }

    public StorageOperationSnapshot Snapshot()
    {
        long Of(StorageOperation operation) => Interlocked.Read(ref operations[(int)operation]);
        return new StorageOperationSnapshot(
            Since,
            Of(StorageOperation.PointRead),
            Of(StorageOperation.Write),
            Of(StorageOperation.Batch),
            Interlocked.Read(ref batchEntities),
            Of(StorageOperation.Query),
            Interlocked.Read(ref rowsRead),
            Of(StorageOperation.QueueSend),
            Of(StorageOperation.QueueReceive),
            Of(StorageOperation.QueueDelete),
            Of(StorageOperation.QueueUpdate),
            Of(StorageOperation.Blob),
            Of(StorageOperation.Other));
    }
}

/// <summary>
/// The counts at one moment. <see cref="Operations"/> is what storage bills as transactions: every call, however
/// many entities a batch carried or rows a query returned.
/// </summary>
public sealed record StorageOperationSnapshot(
    DateTimeOffset Since,
    long PointReads,
    long Writes,
    long Batches,
    long BatchEntities,
    long Queries,
    long RowsRead,
    long QueueSends,
    long QueueReceives,
    long QueueDeletes,
    long QueueUpdates,
    long Blobs,
    long Other)
{
    public long TableOperations => PointReads + Writes + Batches + Queries;

    public long QueueOperations => QueueSends + QueueReceives + QueueDeletes + QueueUpdates;

    public long Operations => TableOperations + QueueOperations + Blobs + Other;

    /// <summary>What happened between <paramref name="earlier"/> and this.</summary>
    public StorageOperationSnapshot Minus(StorageOperationSnapshot earlier) => new(
        earlier.Since,
        PointReads - earlier.PointReads,
        Writes - earlier.Writes,
        Batches - earlier.Batches,
        BatchEntities - earlier.BatchEntities,
        Queries - earlier.Queries,
        RowsRead - earlier.RowsRead,
        QueueSends - earlier.QueueSends,
        QueueReceives - earlier.QueueReceives,
        QueueDeletes - earlier.QueueDeletes,
        QueueUpdates - earlier.QueueUpdates,
        Blobs - earlier.Blobs,
        Other - earlier.Other);
}
