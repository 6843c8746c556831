namespace HousingLedger.Infrastructure.Storage;

/// <summary>
/// Every table, queue and container the service uses, in one place. <c>infra/</c> creates the same names;
/// the standalone host creates them on start.
/// </summary>
public static class StorageNames
{
    /// <summary>Blocks and the event-id index of every chain; partition = chain.</summary>
    public const string LedgerTable = "ledger";

    /// <summary>Each association's live state (jobs, contracts, accepted events, outbox); partition = association.</summary>
    public const string StateTable = "state";

    /// <summary>Who is who: associations, suppliers, API keys, the job index.</summary>
    public const string DirectoryTable = "directory";

    /// <summary>Every public key that ever signed a block, by kid.</summary>
    public const string SigningKeysTable = "signingkeys";

    /// <summary>Hand-off from an accepted event to the appender.</summary>
    public const string LedgerAppendQueue = "ledger-append";

    /// <summary>Work orders waiting to be delivered to suppliers.</summary>
    public const string WorkOrdersQueue = "work-orders";

    /// <summary>Announces each new payment batch to finance.</summary>
    public const string PaymentBatchesQueue = "payment-batches";

    public const string PaymentBatchesContainer = "payment-batches";

    public const string ExportsContainer = "exports";

    /// <summary>Blob leases that keep a timer function to one instance at a time.</summary>
    public const string LocksContainer = "locks";

    /// <summary>The queue a message moves to after <c>maxDequeueCount</c> failed attempts.</summary>
    public static string PoisonQueueFor(string queueName) => queueName + "-poison";

    public static IReadOnlyList<string> Tables { get; } = [LedgerTable, StateTable, DirectoryTable, SigningKeysTable];

    public static IReadOnlyList<string> Queues { get; } =
    [
        LedgerAppendQueue, PoisonQueueFor(LedgerAppendQueue), WorkOrdersQueue, PoisonQueueFor(WorkOrdersQueue), PaymentBatchesQueue,
    ];

    public static IReadOnlyList<string> Containers { get; } = [PaymentBatchesContainer, ExportsContainer, LocksContainer];
}
