using System.Text.Json.Nodes;
using HousingLedger.Functions.Hosting.Catalog;
using HousingLedger.Infrastructure.Storage;

namespace HousingLedger.Functions.Hosting.Metadata;

/// <summary>The function.json of each kind of function, as the Functions host reads it.</summary>
internal static class FunctionJson
{
    /// <summary>
    /// An httpTrigger with its http output and nothing else: the only shape the host forwards as the original
    /// request (<c>enableForwardingHttpRequest</c>). The app authenticates callers itself, so the host lets all in.
    /// </summary>
    public static JsonObject For(HttpFunction function)
    {
        var trigger = new JsonObject
        {
            ["type"] = "httpTrigger",
            ["direction"] = "in",
            ["name"] = FunctionNaming.HttpTriggerBinding,
            ["authLevel"] = "anonymous",
            ["route"] = function.Route,
        };
        if (function.Methods.Count > 0)
        {
            trigger["methods"] = new JsonArray([.. function.Methods.Select(m => (JsonNode)m)]);
        }

        return Bindings(trigger, new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = FunctionNaming.HttpOutputBinding });
    }

    public static JsonObject For(QueueFunctionRegistration function) =>
        Bindings(new JsonObject
        {
            ["type"] = "queueTrigger",
            ["direction"] = "in",
            ["name"] = FunctionNaming.QueueBinding,
            ["queueName"] = function.QueueName,
            ["connection"] = StorageClients.ConnectionSettingName,
        });

    public static JsonObject For(TimerFunctionRegistration function) =>
        Bindings(new JsonObject
        {
            ["type"] = "timerTrigger",
            ["direction"] = "in",
            ["name"] = FunctionNaming.TimerBinding,
            ["schedule"] = function.ScheduleExpression,
            ["runOnStartup"] = false,
        });

    /// <summary>Every function of the catalog with its function.json.</summary>
    public static IEnumerable<(string FunctionName, JsonObject Json)> All(FunctionCatalog catalog) =>
        catalog.Http.Select(f => (f.Name, For(f)))
            .Concat(catalog.Queues.Select(f => (f.FunctionName, For(f))))
            .Concat(catalog.Timers.Select(f => (f.FunctionName, For(f))));

    private static JsonObject Bindings(params JsonObject[] bindings) => new() { ["bindings"] = new JsonArray(bindings) };
}
