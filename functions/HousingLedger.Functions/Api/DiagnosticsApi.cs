using HousingLedger.Functions.Access;
using HousingLedger.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>What a load run reads from the service about itself: the storage calls it made, by kind.</summary>
public sealed class DiagnosticsApi(ApiGate gate, StorageClients storage)
{
    /// <summary>
    /// The storage calls counted since the process started (Storage:CountOperations). With counting off there is
    /// nothing to answer, so the route answers 404 as if it were not there.
    /// </summary>
    [Function("StorageOperations")]
    public Task<IResult> StorageOperations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "diagnostics/storage-operations")] HttpRequest request) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator), () => Task.FromResult<IResult>(Answer()));

    private Results<Ok<StorageOperationSnapshot>, ProblemHttpResult> Answer() =>
        storage.OperationCounts is { } counts
            ? TypedResults.Ok(counts.Snapshot())
            : Problems.NotFound($"Storage calls are not counted here; set {StorageClients.CountOperationsSettingName}=true to count them.");
}
