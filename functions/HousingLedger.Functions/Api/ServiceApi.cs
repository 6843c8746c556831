using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>The service's own routes: liveness, and the OpenAPI document that describes every route.</summary>
public sealed class ServiceApi(ApiGate gate)
{
    /// <summary>
    /// The API's contract, written and kept by hand in Api/openapi.json: a test holds it to the functions, so every
    /// HTTP function is in it with its route and method, and nothing else is.
    /// </summary>
    private static readonly Lazy<byte[]> OpenApiDocument = new(() =>
    {
        using var stream = typeof(ServiceApi).Assembly.GetManifestResourceStream("HousingLedger.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        gate.RunAsync(request, ApiAccess.Anyone, () => Task.FromResult<IResult>(TypedResults.Ok(new HealthView("ok"))));

    [Function("OpenApi")]
    public Task<IResult> OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        gate.RunAsync(request, ApiAccess.Anyone, () => Task.FromResult<IResult>(TypedResults.Bytes(OpenApiDocument.Value, "application/json")));
}

public sealed record HealthView(string Status);
