using System.Text.Json.Nodes;
using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Hosting.Catalog;
using HousingLedger.Functions.Hosting.Metadata;

namespace HousingLedger.Functions.Tests.Publishing;

/// <summary>What the code declares: the app composed as Program.cs composes it, built but not started.</summary>
internal static class DeclaredFunctions
{
    /// <summary>Every function of the app by name, with the function.json the code writes for it.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonObject>> OfTheAppAsync()
    {
        await using var app = HousingLedgerApp.Create(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory },
            new Dictionary<string, string?> { [FunctionsHostExtensions.CustomHandlerPortSetting] = "0", ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });
        return FunctionJson.All(FunctionCatalog.Of(app)).ToDictionary(f => f.FunctionName, f => f.Json, StringComparer.Ordinal);
    }
}
