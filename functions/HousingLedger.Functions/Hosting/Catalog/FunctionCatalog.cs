namespace HousingLedger.Functions.Hosting.Catalog;

/// <summary>Every function of the app, HTTP, queue and timer: what function.json files are written from.</summary>
internal sealed record FunctionCatalog(IReadOnlyList<HttpFunction> Http, IReadOnlyList<QueueFunctionRegistration> Queues, IReadOnlyList<TimerFunctionRegistration> Timers)
{
    public IEnumerable<string> Names => Http.Select(f => f.Name).Concat(Queues.Select(f => f.FunctionName)).Concat(Timers.Select(f => f.FunctionName));

    /// <summary>The catalog of a built app: its endpoints (mapped, not necessarily started) and its declared triggers.</summary>
    /// <exception cref="InvalidOperationException">Two functions share a name, or an endpoint name is not a valid function name.</exception>
    public static FunctionCatalog Of(WebApplication app)
    {
        var registry = app.Services.GetRequiredService<FunctionRegistry>();
        var catalog = new FunctionCatalog(HttpFunctionDiscovery.From(((IEndpointRouteBuilder)app).DataSources), registry.Queues, registry.Timers);
        foreach (var function in catalog.Http.Where(f => !FunctionNaming.IsValidFunctionName(f.Name)))
        {
            throw new InvalidOperationException(
                $"Endpoint /{HttpFunctionDiscovery.RoutePrefix}/{function.Route}: {FunctionNaming.InvalidFunctionNameMessage(function.Name)}");
        }

        EnsureUniqueNames(catalog.Names);
        return catalog;
    }

    /// <exception cref="InvalidOperationException">Two names differ at most in case (the host ignores case).</exception>
    public static void EnsureUniqueNames(IEnumerable<string> names)
    {
        var duplicates = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Function names must be unique, ignoring case; declared more than once: {string.Join(", ", duplicates)}.");
        }
    }
}
