using Azure.Storage.Queues.Models;
using HousingLedger.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.WorkOrders;

/// <summary>Queue trigger on <c>work-orders</c>: one delivery attempt of a job's work order to its supplier.</summary>
public sealed class WorkOrderFunction(WorkOrderDelivery delivery, ILogger<WorkOrderFunction> logger)
{
    [Function("WorkOrderDispatch")]
    public async Task RunAsync(
        [QueueTrigger(StorageNames.WorkOrdersQueue, Connection = StorageClients.ConnectionSettingName)] QueueMessage message, CancellationToken cancellationToken)
    {
        var order = WorkOrderMessage.Read(message.MessageText);
        if (order is null)
        {
            // Retrying cannot make it readable; acknowledge it so it does not block others.
            logger.LogError("Ignored work-order message {MessageId}: it names no job", message.MessageId);
            return;
        }

        await delivery.AttemptAsync(order, message.MessageText, cancellationToken);
    }
}
