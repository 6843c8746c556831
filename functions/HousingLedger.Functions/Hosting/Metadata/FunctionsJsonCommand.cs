using HousingLedger.Functions.Hosting.Catalog;

namespace HousingLedger.Functions.Hosting.Metadata;

/// <summary>
/// <c>functions-json --output &lt;folder&gt;</c>: writes the function.json files of the built app, without
/// starting it, for publishing next to host.json.
/// </summary>
internal static class FunctionsJsonCommand
{
    public const string Name = "functions-json";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>0 when written; 2 for a wrong command line.</returns>
    public static int Run(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 3 || args[1] != "--output" || string.IsNullOrWhiteSpace(args[2]))
        {
            error.WriteLine($"usage: {Name} --output <folder>");
            return 2;
        }

        var catalog = FunctionCatalog.Of(app);
        var written = FunctionJsonWriter.Write(catalog, args[2]);
        foreach (var route in HttpFunctionDiscovery.UnnamedApiRoutes(((IEndpointRouteBuilder)app).DataSources))
        {
            error.WriteLine($"warning: {route} has no endpoint name (.WithName), so it is not a function and Azure will not route to it.");
        }

        output.WriteLine($"Wrote function.json for {written.Count} functions to {Path.GetFullPath(args[2])}: {string.Join(", ", written)}");
        return 0;
    }
}
