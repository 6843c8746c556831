using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Hosting.Standalone;

namespace HousingLedger.Functions.Tests.Hosting;

public sealed class FunctionsHostModeTests
{
    [Fact]
    public void CustomHandlerPortSet_ListensOnThatPort_AndRunsNoTriggersOfItsOwn()
    {
        var builder = TestApps.Builder([], [("FUNCTIONS_CUSTOMHANDLER_PORT", "7777"), ("AzureWebJobsStorage", "UseDevelopmentStorage=true")]);

        builder.AddFunctionsHost();

        Assert.Equal("http://*:7777", builder.Configuration["urls"]);
        Assert.Empty(HostedServices(builder));
    }

    [Fact]
    public void NoCustomHandlerPort_ListensOnTheFunctionsHostsLocalPort_AndRunsTheTriggers()
    {
        var builder = TestApps.Builder([], [("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=hl;AccountKey=a2V5;EndpointSuffix=core.windows.net")]);

        builder.AddFunctionsHost();

        Assert.Equal("http://localhost:7071", builder.Configuration["urls"]);
        Assert.Equal([typeof(StorageBootstrapService), typeof(StandaloneTriggers)], HostedServices(builder));
    }

    [Fact]
    public void Standalone_OnDevelopmentStorage_StartsAzuriteBeforeAnythingElse()
    {
        var builder = TestApps.Builder([], [("AzureWebJobsStorage", "UseDevelopmentStorage=true")]);

        builder.AddFunctionsHost();

        Assert.Equal([typeof(EmbeddedAzuriteService), typeof(StorageBootstrapService), typeof(StandaloneTriggers)], HostedServices(builder));
    }

    [Fact]
    public void Standalone_WithoutAStorageSetting_StoresInAzurite()
    {
        var builder = TestApps.Builder([], []);

        builder.AddFunctionsHost();

        Assert.Equal("UseDevelopmentStorage=true", builder.Configuration["AzureWebJobsStorage"]);
        Assert.Contains(typeof(EmbeddedAzuriteService), HostedServices(builder));
    }

    [Fact]
    public void Standalone_WithUrlsOnTheCommandLine_KeepsThem()
    {
        var builder = TestApps.Builder(["--urls", "http://127.0.0.1:8099"], [("AzureWebJobsStorage", "UseDevelopmentStorage=true")]);

        builder.AddFunctionsHost();

        Assert.Equal("http://127.0.0.1:8099", builder.Configuration["urls"]);
    }

    [Theory]
    [InlineData("seventy")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void CustomHandlerPortThatIsNotAPort_FailsNamingTheSetting(string port)
    {
        var builder = TestApps.Builder([], [("FUNCTIONS_CUSTOMHANDLER_PORT", port)]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddFunctionsHost());

        Assert.Contains($"FUNCTIONS_CUSTOMHANDLER_PORT is '{port}'", error.Message, StringComparison.Ordinal);
    }

    private static Type?[] HostedServices(WebApplicationBuilder builder) =>
        [.. builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType)];
}
