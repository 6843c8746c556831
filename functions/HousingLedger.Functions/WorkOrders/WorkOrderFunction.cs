using Azure.Storage.Queues.Models;
using HousingLedger.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.WorkOrders;

/// <summary>Queue trigger on <c>work-orders</c>: one delivery attempt of a job's work order to its supplier.</summary>
public sealed class WorkOrderFunction(WorkOrderDelivery delivery)
{
    [Function("WorkOrderDispatch")]
    public async Task RunAsync(
        [QueueTrigger(StorageNames.WorkOrdersQueue, Connection = StorageClients.ConnectionSettingName)] QueueMessage message, CancellationToken cancellationToken)
    {
        // Failing leaves it to the trigger: after five attempts it is kept in work-orders-poison for an operator
        // to see, rather than dropped, and it holds up no other message meanwhile.
        var order = WorkOrderMessage.Read(message.MessageText)
            ?? throw new InvalidDataException($"The work-order message {message.MessageId} names no job.");
        await delivery.AttemptAsync(order, message.MessageText, cancellationToken);
    }
}
