namespace HousingLedger.Functions.Hosting.Catalog;

/// <summary>Reads the HTTP functions off the app's endpoints: every named endpoint under <c>/api</c>.</summary>
internal static class HttpFunctionDiscovery
{
    /// <summary>The Functions host's HTTP route prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    public static IReadOnlyList<HttpFunction> From(IEnumerable<EndpointDataSource> sources) =>
        [.. ApiEndpoints(sources)
            .Where(e => e.Name is not null)
            .Select(e => new HttpFunction(e.Name!, e.Route, Methods(e.Endpoint)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)];

    /// <summary>Routes under <c>/api</c> without an endpoint name: the Functions host would never route to them.</summary>
    public static IReadOnlyList<string> UnnamedApiRoutes(IEnumerable<EndpointDataSource> sources) =>
        [.. ApiEndpoints(sources).Where(e => e.Name is null).Select(e => $"/{RoutePrefix}/{e.Route}").Distinct().Order(StringComparer.Ordinal)];

    private static IEnumerable<(RouteEndpoint Endpoint, string? Name, string Route)> ApiEndpoints(IEnumerable<EndpointDataSource> sources)
    {
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var template = endpoint.RoutePattern.RawText?.Trim('/');
            if (template is null || !template.StartsWith(RoutePrefix + "/", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A group's "/" endpoint reads "api/jobs/"; the host's route is "jobs".
            yield return (endpoint, endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, template[(RoutePrefix.Length + 1)..]);
        }
    }

    private static IReadOnlyList<string> Methods(Endpoint endpoint) =>
        [.. (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Select(m => m.ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
