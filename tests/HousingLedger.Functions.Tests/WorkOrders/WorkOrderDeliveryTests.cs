using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Functions.WorkOrders;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.WorkOrders;

/// <summary>
/// Work orders reach the supplier signed; a supplier that fails is retried with back-off, and one that keeps
/// failing is dead-lettered, with every attempt's outcome visible on the job.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class WorkOrderDeliveryTests(AzuriteFixture azurite) : SupplierServiceTest(azurite)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WorkOrders:MaxAttempts"] = "3",
        ["WorkOrders:RetryDelay"] = "00:00:00.200",
        ["AzureFunctionsJobHost:extensions:queues:MaxPollingInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task A_supplier_that_keeps_failing_gets_the_work_order_three_times_then_it_is_dead_lettered_and_shown_as_failed()
    {
        SupplierEndpoint.Answer = 503;
        var (association, jobId) = await RaiseJobAsync();

        var workOrder = await WaitForWorkOrderAsync(association, jobId, "failed");

        Assert.Equal(3, (int)workOrder["attempts"]!);
        Assert.Contains("503", (string)workOrder["lastError"]!, StringComparison.Ordinal);
        Assert.Equal(3, SupplierEndpoint.Received.Count(w => w.WebhookId == "wo_" + jobId));
        Assert.All(SupplierEndpoint.Received, w => Assert.True(w.SignatureVerified));
        var poison = Azurite.Storage.Queues.GetQueueClient(StorageNames.PoisonQueueFor(StorageNames.WorkOrdersQueue));
        var dead = await poison.PeekMessagesAsync(32);
        Assert.Contains(dead.Value, m => m.Body.ToString().Contains(jobId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_work_order_queued_without_its_raise_is_read_from_the_chain_and_delivered_alike()
    {
        SupplierEndpoint.Answer = 503;
        var (association, jobId) = await RaiseJobAsync();
        await WaitForWorkOrderAsync(association, jobId, "failed");
        var poison = Azurite.Storage.Queues.GetQueueClient(StorageNames.PoisonQueueFor(StorageNames.WorkOrdersQueue));
        var dead = (await poison.PeekMessagesAsync(32)).Value.Select(m => WorkOrderMessage.Read(m.Body.ToString())).First(m => m?.JobId.Value == jobId)!;
        Assert.NotNull(dead.Raised);

        // As queued before messages carried the raise.
        SupplierEndpoint.Answer = 200;
        var withoutRaise = dead with { Attempt = 1, Raised = null };
        await Host.Services.GetRequiredService<WorkOrderDelivery>().AttemptAsync(withoutRaise, withoutRaise.Write(), CancellationToken.None);

        await WaitForWorkOrderAsync(association, jobId, "delivered");
        var bodies = SupplierEndpoint.Received.Where(w => w.WebhookId == "wo_" + jobId).Select(w => w.Body).ToList();
        Assert.Equal(4, bodies.Count);
        Assert.All(SupplierEndpoint.Received, w => Assert.True(w.SignatureVerified));
        Assert.Equal(bodies[0].GetProperty("data").GetRawText(), bodies[3].GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task A_supplier_that_fails_once_gets_the_work_order_on_the_next_attempt()
    {
        SupplierEndpoint.Answer = 500;
        var (association, jobId) = await RaiseJobAsync();
        await WaitForWorkOrderAsync(association, jobId, "retrying");
        SupplierEndpoint.Answer = 200;

        var workOrder = await WaitForWorkOrderAsync(association, jobId, "delivered");

        Assert.True((int)workOrder["attempts"]! >= 2, workOrder.ToJsonString());
        Assert.Null(workOrder["lastError"]);
    }

    private async Task<(Association Association, string JobId)> RaiseJobAsync()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(SupplierEndpoint.Url);
        SupplierEndpoint.Secret = supplier.Secret;
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        return (association, await Api.RaiseJobAsync(association, contractId));
    }

    private async Task<JsonObject> WaitForWorkOrderAsync(Association association, string jobId, string status)
    {
        JsonObject? workOrder = null;
        for (var i = 0; i < 300; i++)
        {
            var job = await Api.JsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}", association.ApiKey, expect: HttpStatusCode.OK);
            workOrder = job["workOrder"] as JsonObject;
            if ((string?)workOrder?["status"] == status)
            {
                return workOrder!;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The work order of {jobId} did not reach '{status}' within 30 s; last seen: {workOrder?.ToJsonString() ?? "none"}");
        return null!;
    }
}
