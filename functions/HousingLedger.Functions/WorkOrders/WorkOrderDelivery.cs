using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.Secrets;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Values;
using HousingLedger.Webhooks;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions.WorkOrders;

/// <summary>
/// Delivers a job's work order to its supplier as a Standard Webhooks-signed POST; within a day of a rotation of
/// the supplier's secret it carries two signatures, under the new secret and the previous one (see
/// <see cref="RotatingSecret{TSecret}"/>). A failed delivery is queued again after an exponentially growing wait; after
/// <see cref="WorkOrderOptions.MaxAttempts"/> it is dead-lettered to <c>work-orders-poison</c>. Every attempt's
/// outcome is kept on the job (<c>GET /api/jobs/{jobId}</c> → <c>workOrder</c>). The webhook id is the same on
/// every attempt, so a supplier that got it twice (a crash after delivery) can tell.
/// </summary>
public sealed class WorkOrderDelivery(
    JobStore jobs, PartyStore parties, SupplierWebhookSecrets secrets, TableLedgerStore ledger, StorageClients storage, IHttpClientFactory httpClients, TimeProvider time,
    IOptions<WorkOrderOptions> options,
    ILogger<WorkOrderDelivery> logger)
{
    public const string HttpClientName = "work-orders";

    /// <summary>One attempt at <paramref name="order"/>; <paramref name="messageText"/> is dead-lettered as it came if this was the last.</summary>
    public async Task AttemptAsync(WorkOrderMessage order, string messageText, CancellationToken cancellationToken)
    {
        var status = await jobs.GetWorkOrderAsync(order.Chain, order.JobId, cancellationToken);
        if ((string?)status?["status"] == "delivered")
        {
            return;
        }

        var workOrder = WorkOrder.FromRaised(order.Raised ?? await SealedRaiseAsync(order, cancellationToken));
        var supplier = await parties.GetSupplierAsync(workOrder.SupplierId, cancellationToken)
            ?? throw new InvalidOperationException($"Job {order.JobId} names unknown supplier {workOrder.SupplierId}.");

        var error = await DeliverAsync(workOrder, supplier, cancellationToken);
        var now = time.GetUtcNow();
        if (error is null)
        {
            await jobs.PutWorkOrderAsync(order.Chain, order.JobId, Status("delivered", order.Attempt, now, null, null), cancellationToken);
            return;
        }

        var settings = options.Value;
        var queue = storage.Queues.GetQueueClient(StorageNames.WorkOrdersQueue);
        if (order.Attempt < settings.MaxAttempts)
        {
            var delay = settings.DelayAfter(order.Attempt);
            await queue.SendMessageAsync((order with { Attempt = order.Attempt + 1 }).Write(), visibilityTimeout: delay, cancellationToken: cancellationToken);
            await jobs.PutWorkOrderAsync(order.Chain, order.JobId, Status("retrying", order.Attempt, now, error, now + delay), cancellationToken);
            logger.LogWarning("Work order {JobId} attempt {Attempt} failed ({Error}); retrying in {Delay}", order.JobId, order.Attempt, error, delay);
            return;
        }

        var poison = storage.Queues.GetQueueClient(StorageNames.PoisonQueueFor(StorageNames.WorkOrdersQueue));
        await poison.SendMessageAsync(messageText, cancellationToken);
        await jobs.PutWorkOrderAsync(order.Chain, order.JobId, Status("failed", order.Attempt, now, error, null), cancellationToken);
        logger.LogError("Work order {JobId} dead-lettered after {Attempt} attempts: {Error}", order.JobId, order.Attempt, error);
    }

    /// <summary>The job's <c>job.raised</c> as sealed on its chain, for a message queued without it.</summary>
    private async Task<LedgerTransaction> SealedRaiseAsync(WorkOrderMessage order, CancellationToken cancellationToken)
    {
        if (await ledger.FindEventAsync(order.Chain.Value, order.RaisedEventId.Value, cancellationToken) is { } location
            && await ledger.GetBlockAsync(order.Chain.Value, location.Height, cancellationToken) is { } block
            && block.Transactions[location.Index] is { } raised && raised.Subject == order.JobId.Value)
        {
            return raised;
        }

        throw new InvalidOperationException($"The job.raised {order.RaisedEventId} of job {order.Chain}/{order.JobId} is not on the chain.");
    }

    /// <summary>Sends the work order; returns null when the supplier took it, else what went wrong.</summary>
    private async Task<string?> DeliverAsync(WorkOrder workOrder, PartyProfile supplier, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var body = Encoding.UTF8.GetBytes(workOrder.ToPayload(now).ToJsonString());
        var signingSecrets = await secrets.ValidAtAsync(workOrder.SupplierId, now, cancellationToken)
            ?? throw new InvalidOperationException($"Supplier {workOrder.SupplierId} has no webhook secret.");
        var webhookId = "wo_" + workOrder.JobId.Value;

        using var request = new HttpRequestMessage(HttpMethod.Post, supplier.WorkOrderUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhook.Sign(signingSecrets, webhookId, now, body));

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
