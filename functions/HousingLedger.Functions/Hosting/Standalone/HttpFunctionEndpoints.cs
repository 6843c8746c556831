namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Serves each HTTP function on its route under <c>/api</c>, with its methods, as the Functions host routes it: the
/// function runs in the request's service scope and its result is written as the response.
/// </summary>
internal static class HttpFunctionEndpoints
{
    /// <summary>The Functions host's HTTP route prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        foreach (var function in catalog.Http)
        {
            var pattern = $"/{RoutePrefix}/{function.Route}";
            var endpoint = function.Methods.Count == 0
                ? endpoints.Map(pattern, context => RunAsync(function, context))
                : endpoints.MapMethods(pattern, function.Methods, context => RunAsync(function, context));
            endpoint.WithName(function.Name);
        }
    }

    private static async Task RunAsync(HttpFunction function, HttpContext context)
    {
        var routeValues = context.Request.RouteValues;
        var result = (IResult?)await function.InvokeAsync(
            context.RequestServices, context.Request, context.RequestAborted, parameter => routeValues[parameter.Name!]?.ToString());
        if (result is not null)
        {
            await result.ExecuteAsync(context);
        }
    }
}
