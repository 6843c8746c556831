using System.Text.Json.Nodes;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Testing;
using NCrontab;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>host.json and local.settings.sample.json at the repository root agree with the code.</summary>
public sealed class RepositoryHostFilesTests
{
    private static readonly string[] SpecSettings =
    [
        "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "Operator:ApiKey", "Signing:KeyVaultKeyId",
        "Signing:LocalKeyPath", "Settlement:Schedule", "Settlement:FeePerJobPence",
    ];

    [Fact]
    public void HostJson_RunsAnIsolatedWorker_UnderTheApiPrefix_WithNoCustomHandlerOrExtensionBundle()
    {
        var host = ReadJson("host.json");

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal(HttpFunctionEndpoints.RoutePrefix, host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());

        // The worker SDK brings the extensions the functions use; a bundle or a custom handler would contradict it.
        Assert.Null(host["customHandler"]);
        Assert.Null(host["extensionBundle"]);
    }

    [Fact]
    public void HostJson_QueueSettings_AreTheStandaloneListenersDefaults()
    {
        var queues = new ConfigurationBuilder().AddJsonFile(TestRepository.PathOf("host.json")).Build().GetSection("extensions:queues");
        var fromHostJson = queues.Get<QueueListenerOptions>()!;
        var defaults = new QueueListenerOptions();

        Assert.Equal(defaults.BatchSize, fromHostJson.BatchSize);
        Assert.Equal(defaults.MaxDequeueCount, fromHostJson.MaxDequeueCount);
        Assert.Equal(defaults.MaxPollingInterval, fromHostJson.MaxPollingInterval);
        Assert.Equal(defaults.VisibilityTimeout, fromHostJson.VisibilityTimeout);
        Assert.Equal((16, 5), (fromHostJson.BatchSize, fromHostJson.MaxDequeueCount));
        Assert.Equal("base64", queues["messageEncoding"]);
    }

    [Fact]
    public void LocalSettingsSample_HoldsEverySettingOfTheSpec_WithAWorkingLocalValue()
    {
        var values = ReadJson("local.settings.sample.json")["Values"]!.AsObject();

        Assert.Empty(SpecSettings.Except(values.Select(v => v.Key)));
        Assert.All(values, v => Assert.Equal(System.Text.Json.JsonValueKind.String, v.Value!.GetValueKind()));
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]!.GetValue<string>());
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]!.GetValue<string>());
        Assert.Equal(string.Empty, values["Signing:KeyVaultKeyId"]!.GetValue<string>());
        Assert.NotNull(CrontabSchedule.TryParse(values["Settlement:Schedule"]!.GetValue<string>(), new CrontabSchedule.ParseOptions { IncludingSeconds = true }));
        Assert.True(int.TryParse(values["Settlement:FeePerJobPence"]!.GetValue<string>(), out var fee) && fee >= 0, "Settlement:FeePerJobPence is not a whole number of pence.");
    }

    private static JsonNode ReadJson(string file) => JsonNode.Parse(File.ReadAllText(TestRepository.PathOf(file)))!;
}
