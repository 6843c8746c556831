using Azure.Storage.Queues;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.WorkOrders;

/// <summary>
/// Queues a job's work order once its <c>job.raised</c> is on the chain, so a supplier never hears of a job the
/// ledger does not hold.
/// </summary>
public sealed class WorkOrderIssuer(StorageClients storage) : IAppendedEventHandler
{
    public async Task OnAppendedAsync(IReadOnlyList<LedgerTransaction> appended, CancellationToken cancellationToken)
    {
        // All at once: a block holds up to 98 raises, and its chain's next block waits for their work orders.
        var queue = storage.Queues.GetQueueClient(StorageNames.WorkOrdersQueue);
        await Task.WhenAll(appended.Where(tx => tx.Type == JobEventTypes.Raised).Select(raised =>
            queue.SendMessageAsync(new WorkOrderMessage(TypedId.Parse<AssociationId>(raised.Chain), TypedId.Parse<JobId>(raised.Subject), TypedId.Parse<EventId>(raised.EventId), 1, raised).Write(), cancellationToken)));
    }
}
