using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using HousingLedger.Functions.Api;
using HousingLedger.Functions.Jobs;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Jobs;
using HousingLedger.Values;
using HousingLedger.Webhooks;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions.WorkOrders;

/// <summary>
/// Delivers a job's work order to its supplier as a Standard Webhooks-signed
/// POST. A failed delivery is queued again after an exponentially growing wait; after
/// <see cref="WorkOrderOptions.MaxAttempts"/> it is dead-lettered to <c>work-orders-poison</c>. Every attempt's
/// outcome is kept on the job (<c>GET /api/jobs/{jobId}</c> → <c>workOrder</c>). The webhook id is the same on
/// every attempt, so a supplier that got it twice (a crash after delivery) can tell.
/// </summary>
public sealed class WorkOrderDelivery(
    StateStore state, StorageClients storage, IHttpClientFactory httpClients, TimeProvider time, IOptions<WorkOrderOptions> options,
    ILogger<WorkOrderDelivery> logger)
{
    public const string HttpClientName = "work-orders";

    /// <summary>One attempt at <paramref name="order"/>; <paramref name="messageText"/> is dead-lettered as it came if this was the last.</summary>
    public async Task AttemptAsync(WorkOrderMessage order, string messageText, CancellationToken cancellationToken)
    {
        var statusRow = Chains.WorkOrderRow(order.JobId);
        var status = await state.GetAsync(order.Chain, statusRow, cancellationToken);
        if ((string?)status?.Document["status"] == "delivered")
        {
            return;
        }

        var job = await state.GetAsync(order.Chain, Chains.JobRow(order.JobId), cancellationToken)
            ?? throw new InvalidOperationException($"Work order for unknown job {order.Chain}/{order.JobId}.");
        var record = JobRecord.FromDocument(job.Document);
        var supplier = await state.GetAsync(Chains.Operator, Chains.SupplierRow(record.Job.SupplierId), cancellationToken)
            ?? throw new InvalidOperationException($"Job {order.JobId} names unknown supplier {record.Job.SupplierId}.");

        var error = await DeliverAsync(record, supplier.Document, cancellationToken);
        var now = time.GetUtcNow();
        if (error is null)
        {
            await state.PutAsync(order.Chain, statusRow, Status("delivered", order.Attempt, now, null, null), cancellationToken);
            return;
        }

        var settings = options.Value;
        var queue = storage.Queues.GetQueueClient(StorageNames.WorkOrdersQueue);
        if (order.Attempt < settings.MaxAttempts)
        {
            var delay = settings.DelayAfter(order.Attempt);
            await queue.SendMessageAsync(new WorkOrderMessage(order.Chain, order.JobId, order.Attempt + 1).Write(), visibilityTimeout: delay, cancellationToken: cancellationToken);
            await state.PutAsync(order.Chain, statusRow, Status("retrying", order.Attempt, now, error, now + delay), cancellationToken);
            logger.LogWarning("Work order {JobId} attempt {Attempt} failed ({Error}); retrying in {Delay}", order.JobId, order.Attempt, error, delay);
            return;
        }

        var poison = storage.Queues.GetQueueClient(StorageNames.PoisonQueueFor(StorageNames.WorkOrdersQueue));
        await poison.SendMessageAsync(messageText, cancellationToken);
        await state.PutAsync(order.Chain, statusRow, Status("failed", order.Attempt, now, error, null), cancellationToken);
        logger.LogError("Work order {JobId} dead-lettered after {Attempt} attempts: {Error}", order.JobId, order.Attempt, error);
    }

    /// <summary>Sends the work order; returns null when the supplier took it, else what went wrong.</summary>
    private async Task<string?> DeliverAsync(JobRecord record, JsonObject supplier, CancellationToken cancellationToken)
    {
        var job = record.Job;
        var now = time.GetUtcNow();
        var payload = new JsonObject
        {
            ["type"] = "work_order.issued",
            ["timestamp"] = UtcTimestamp.Format(now),
            ["data"] = new JsonObject
            {
                ["jobId"] = job.JobId,
                ["associationId"] = job.AssociationId,
                ["contractId"] = job.ContractId,
                ["itemCode"] = job.ItemCode,
                ["quantity"] = job.Quantity,
                ["priority"] = job.Priority.WireName(),
                ["propertyRef"] = job.PropertyRef,
                ["raisedAt"] = UtcTimestamp.Format(job.RaisedAt),
                ["deadline"] = UtcTimestamp.Format(job.Deadline),
            },
        };
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var secret = StoredSupplier.WebhookSecret(supplier, job.SupplierId);
        var webhookId = "wo_" + job.JobId;

        using var request = new HttpRequestMessage(HttpMethod.Post, (string)supplier["workOrderUrl"]!) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhook.Sign(secret, webhookId, now, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"the supplier answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException ex)
        {
            return "the supplier could not be reached: " + ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the supplier did not answer within {options.Value.Timeout.TotalSeconds:0} s";
        }
    }

    private static JsonObject Status(string status, int attempts, DateTimeOffset at, string? error, DateTimeOffset? nextAttemptAt) => new()
    {
        ["status"] = status,
        ["attempts"] = attempts,
        ["lastAttemptAt"] = UtcTimestamp.Format(at),
        ["lastError"] = error,
        ["nextAttemptAt"] = nextAttemptAt is null ? null : UtcTimestamp.Format(nextAttemptAt.Value),
    };
}
