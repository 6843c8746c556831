using System.Text.Json.Nodes;
using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Hosting.Catalog;
using HousingLedger.Functions.Hosting.Metadata;
using HousingLedger.Functions.Tests.Hosting;

namespace HousingLedger.Functions.Tests.Publishing;

/// <summary>What the code declares: the app composed as Program.cs composes it, built but not started.</summary>
internal static class DeclaredFunctions
{
    /// <summary>Every function of the app by name, with the function.json the code writes for it.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonObject>> OfTheAppAsync()
    {
        var builder = TestApps.CustomHandler();
        builder.AddFunctionsHost();
        builder.AddHousingLedger();
        await using var app = builder.Build();
        app.MapHousingLedger();
        app.MapFunctionInvocations();
        return FunctionJson.All(FunctionCatalog.Of(app)).ToDictionary(f => f.FunctionName, f => f.Json, StringComparer.Ordinal);
    }
}
