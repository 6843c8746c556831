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
        var queue = storage.Queues.GetQueueClient(StorageNames.WorkOrdersQueue);
        foreach (var raised in appended.Where(tx => tx.Type == JobEventTypes.Raised))
        {
            await queue.SendMessageAsync(new WorkOrderMessage(TypedId.Parse<AssociationId>(raised.Chain), TypedId.Parse<JobId>(raised.Subject), TypedId.Parse<EventId>(raised.EventId), 1).Write(), cancellationToken);
        }
    }
}
