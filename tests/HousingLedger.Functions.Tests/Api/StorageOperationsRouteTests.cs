using System.Net;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// <c>GET /api/diagnostics/storage-operations</c> answers the operator the storage calls counted since the host
/// started, where Storage:CountOperations is on, and is as good as absent where it is off.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class StorageOperationsRouteTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:CountOperations"] = "true" };

    [Fact]
    public async Task A_raised_job_shows_in_the_counts_as_one_batch_and_its_wake_up()
    {
        var association = await Api.OnboardAssociationAsync();
        var supplier = await Api.RegisterSupplierAsync(new Uri("http://127.0.0.1:9/unreachable"));
        var contractId = await Api.RegisterContractAsync(association, supplier.SupplierId);
        var before = await CountsAsync();

        await Api.RaiseJobAsync(association, contractId);
        var after = await CountsAsync();

        Assert.True(Long(after, "batches") - Long(before, "batches") >= 1, $"{before.ToJsonString()} → {after.ToJsonString()}");
        Assert.True(Long(after, "batchEntities") - Long(before, "batchEntities") >= 3, $"{before.ToJsonString()} → {after.ToJsonString()}");
        Assert.True(Long(after, "queueSends") - Long(before, "queueSends") >= 1, $"{before.ToJsonString()} → {after.ToJsonString()}");
        Assert.Equal((string?)before["since"], (string?)after["since"]);
        var kinds = new[] { "pointReads", "writes", "batches", "queries", "queueSends", "queueReceives", "queueDeletes", "queueUpdates", "blobs", "other" };
        Assert.Equal(kinds.Sum(kind => Long(after, kind)), Long(after, "operations"));
    }

    [Fact]
    public async Task Where_calls_are_not_counted_the_route_answers_404_to_the_operator_and_403_to_an_association()
    {
        await using var uncounted = await ServiceHost.StartAsync(Azurite.ConnectionString);
        using var api = new ApiClient(uncounted.BaseAddress);
        var association = await api.OnboardAssociationAsync();

        Assert.Equal(HttpStatusCode.NotFound, await api.StatusAsync(HttpMethod.Get, "/api/diagnostics/storage-operations", ServiceHost.OperatorKey));
        Assert.Equal(HttpStatusCode.Forbidden, await api.StatusAsync(HttpMethod.Get, "/api/diagnostics/storage-operations", association.ApiKey));
    }

    private Task<JsonObject> CountsAsync() =>
        Api.JsonAsync(HttpMethod.Get, "/api/diagnostics/storage-operations", ServiceHost.OperatorKey, expect: HttpStatusCode.OK);

    private static long Long(JsonObject counts, string kind) => (long)counts[kind]!;
}
