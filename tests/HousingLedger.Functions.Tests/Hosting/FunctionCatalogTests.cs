using System.Text.Json.Nodes;
using HousingLedger.Functions.Hosting.Standalone;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>
/// The standalone host runs exactly the functions the Functions host would: what it finds by reflection is what the
/// worker SDK wrote to functions.metadata at build time, trigger for trigger.
/// </summary>
public sealed class FunctionCatalogTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.Of(typeof(StandaloneHost).Assembly);

    [Fact]
    public void Standalone_discovers_every_function_the_SDK_declares_with_the_same_trigger()
    {
        var declared = ReadFunctionsMetadata().Select(Describe).Order(StringComparer.Ordinal).ToList();

        var discovered = Catalog.All.Select(Describe).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, discovered);
    }

    [Fact]
    public void Every_HTTP_function_is_anonymous_because_the_app_authenticates_every_call_itself()
    {
        var declaredOtherwise = ReadFunctionsMetadata()
            .Select(f => f["bindings"]![0]!)
            .Where(b => (string?)b["type"] == "httpTrigger" && (string?)b["authLevel"] != "Anonymous")
            .ToList();

        Assert.Empty(declaredOtherwise);
        Assert.All(Catalog.Http, f => Assert.Equal(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous, f.AuthLevel));
    }

    [Theory]
    [InlineData(nameof(UnservableFunctions.TakesAQueryValue), "takes 'String state'")]
    [InlineData(nameof(UnservableFunctions.ReturnsAString), "returns String")]
    [InlineData(nameof(UnservableFunctions.TakesTheMessageAsBytes), "takes a Byte[] trigger")]
    [InlineData(nameof(UnservableFunctions.HasNoTrigger), "has 0 trigger parameters")]
    [InlineData(nameof(UnservableFunctions.ListensElsewhere), "listens on connection 'OtherStorage'")]
    public void A_function_the_standalone_host_could_not_run_as_the_worker_does_is_refused_naming_it(string method, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionMethod.Describe(method, typeof(UnservableFunctions).GetMethod(method)!));

        Assert.Contains($"Function '{method}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Settlement:Schedule is not set")]
    [InlineData("at two every night", "Settlement:Schedule (the schedule of 'Settlement') is 'at two every night', which is not a six-field NCRONTAB schedule")]
    [InlineData("0 2 * * *", "is '0 2 * * *', which is not a six-field NCRONTAB schedule")]
    public void A_timer_whose_schedule_setting_is_missing_or_malformed_fails_naming_the_setting(string? schedule, string message)
    {
        var settlement = Catalog.Timers.Single(t => t.Name == "Settlement");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Settlement:Schedule", schedule)]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => settlement.ResolveSchedule(configuration));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The SDK's functions.metadata, copied beside the tests from the function app's build output.</summary>
    private static IEnumerable<JsonNode> ReadFunctionsMetadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray().Select(f => f!);

    private static string Describe(JsonNode function)
    {
        var trigger = function["bindings"]!.AsArray().Single(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!;
        var methods = (trigger["methods"]?.AsArray() ?? []).Select(m => ((string)m!).ToLowerInvariant()).Order(StringComparer.Ordinal);
        return (string)trigger["type"]! switch
        {
            "httpTrigger" => $"{function["name"]}: http {string.Join(",", methods)} {trigger["route"]}",
            "queueTrigger" => $"{function["name"]}: queue {trigger["queueName"]} on {trigger["connection"]}",
            "timerTrigger" => $"{function["name"]}: timer {trigger["schedule"]}",
            var other => $"{function["name"]}: {other}",
        };
    }

    private static string Describe(FunctionMethod function) => function switch
    {
        HttpFunction http => $"{http.Name}: http {string.Join(",", http.Methods.Order(StringComparer.Ordinal))} {http.Route}",
        QueueFunction queue => $"{queue.Name}: queue {queue.QueueName} on {queue.Connection}",
        TimerFunction timer => $"{timer.Name}: timer {timer.Schedule}",
        _ => function.Name,
    };
}
