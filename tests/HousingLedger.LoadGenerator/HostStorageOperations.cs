using System.Text.Json;
using Azure.Storage.Queues;
using HousingLedger.Infrastructure.Storage;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The host's storage calls over the load, per accepted event, by kind: read from the host's
/// <c>/api/diagnostics/storage-operations</c> before the load and once every event is on its chain, every work
/// order delivered and the pipeline's queues are empty. The chain-head reads the generator itself makes while it
/// waits are taken off, at what such a read was measured to cost on the idle host before the load, so the figures
/// are the pipeline's own.
/// </summary>
public sealed record HostStorageOperations(StorageOperationSnapshot Window, long GeneratorReads, StorageOperationSnapshot CalibrationWindow, int CalibrationReads)
{
    public const string Route = "/api/diagnostics/storage-operations";

    /// <summary>How many head reads measure what one costs.</summary>
    public const int CalibrationHeadReads = 40;

    /// <summary>The kinds reported, with how to read each from a snapshot.</summary>
    public static readonly IReadOnlyList<(string Kind, Func<StorageOperationSnapshot, long> Of)> Kinds =
    [
        ("point reads", s => s.PointReads),
        ("writes (single entity)", s => s.Writes),
        ("batches (entity-group transactions)", s => s.Batches),
        ("  entities in them", s => s.BatchEntities),
        ("queries (pages)", s => s.Queries),
        ("  rows read", s => s.RowsRead),
        ("queue sends", s => s.QueueSends),
        ("queue receives (incl. empty polls)", s => s.QueueReceives),
        ("queue deletes", s => s.QueueDeletes),
        ("queue updates", s => s.QueueUpdates),
        ("blob calls", s => s.Blobs),
        ("other", s => s.Other),
        ("table operations", s => s.TableOperations),
        ("queue operations", s => s.QueueOperations),
        ("all operations (billed transactions)", s => s.Operations),
    ];

    /// <summary>The host's counts now, or null when it does not count them.</summary>
    public static async Task<StorageOperationSnapshot?> ReadAsync(ServiceClient client, string operatorKey, CancellationToken cancellationToken)
    {
        var answer = await client.GetAsync(Route, operatorKey, cancellationToken);
        return answer.Status == 200 ? JsonSerializer.Deserialize<StorageOperationSnapshot>(answer.Body, JsonSerializerOptions.Web) : null;
    }

    /// <summary>
    /// Measures on the idle host what one chain-head read costs, by reading one <see cref="CalibrationHeadReads"/>
    /// times; then the counts the load starts from. Null when the host does not count.
    /// </summary>
    public static async Task<(StorageOperationSnapshot Calibration, StorageOperationSnapshot Start)?> OpenAsync(
        ServiceClient client, string operatorKey, AssociationAccount association, CancellationToken cancellationToken)
    {
        if (await ReadAsync(client, operatorKey, cancellationToken) is not { } before)
        {
            return null;
        }

        for (var i = 0; i < CalibrationHeadReads; i++)
        {
            await client.GetAsync($"/api/ledger/{association.AssociationId}/head", association.ApiKey, cancellationToken);
        }

        var start = await ReadAsync(client, operatorKey, cancellationToken);
        return start is null ? null : (start.Minus(before), start);
    }

    /// <summary>
    /// Waits, within <paramref name="timeout"/>, for the pipeline's queues to empty (the wake-ups and work orders it
    /// queued are its cost too), then closes the window.
    /// </summary>
    public static async Task<HostStorageOperations?> CloseAsync(
        ServiceClient client,
        string operatorKey,
        QueueServiceClient queues,
        (StorageOperationSnapshot Calibration, StorageOperationSnapshot Start)? opened,
        long generatorReads,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        if (opened is not { } window)
        {
            return null;
        }

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && await PendingAsync(queues, cancellationToken) > 0)
        {
            await Task.Delay(ChainDrain.PollInterval, cancellationToken);
        }

        var end = await ReadAsync(client, operatorKey, cancellationToken);
        return end is null ? null : new HostStorageOperations(end.Minus(window.Start), generatorReads, window.Calibration, CalibrationHeadReads);
    }

    /// <summary>The calls of one kind over the load, less the generator's own reads.</summary>
    public double Pipeline(Func<StorageOperationSnapshot, long> of) =>
        Math.Max(0, of(Window) - (double)GeneratorReads * of(CalibrationWindow) / CalibrationReads);

    private static async Task<long> PendingAsync(QueueServiceClient queues, CancellationToken cancellationToken)
    {
        long pending = 0;
        foreach (var name in new[] { StorageNames.LedgerAppendQueue, StorageNames.WorkOrdersQueue })
        {
            pending += (await queues.GetQueueClient(name).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }

        return pending;
    }
}
