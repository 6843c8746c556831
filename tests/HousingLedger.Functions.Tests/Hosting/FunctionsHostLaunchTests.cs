using HousingLedger.Functions.Hosting;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>The process runs under the Functions host only when the host launched it, whatever settings a developer copied.</summary>
public sealed class FunctionsHostLaunchTests
{
    [Theory]
    [InlineData("--host", "127.0.0.1", "--port", "50051", "--functions-uri", "http://127.0.0.1:50051/", "--functions-worker-id", "w1")]
    [InlineData("--functions-uri", "http://127.0.0.1:50051/")]
    [InlineData("--functions-worker-id", "w1")]
    [InlineData("--functions-uri=http://127.0.0.1:50051/")]
    [InlineData("--Functions:Worker:HostEndpoint", "http://127.0.0.1:50051/")]
    public void The_host_s_worker_arguments_mean_the_Functions_host(params string[] args) =>
        Assert.True(FunctionsHostLaunch.IsFunctionsHost(args, hostEndpointSetting: null, nativeHostMark: null));

    [Fact]
    public void The_host_endpoint_setting_means_the_Functions_host() =>
        Assert.True(FunctionsHostLaunch.IsFunctionsHost([], "http://127.0.0.1:50051/", nativeHostMark: null));

    [Fact]
    public void The_Flex_placeholder_s_native_host_mark_means_the_Functions_host() =>
        Assert.True(FunctionsHostLaunch.IsFunctionsHost([], hostEndpointSetting: null, nativeHostMark: "1"));

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:8099")]
    [InlineData("--FUNCTIONS_WORKER_RUNTIME", "dotnet-isolated")]
    [InlineData("--functions-uri-like-but-not")]
    public void Anything_else_means_standalone(params string[] args) =>
        Assert.False(FunctionsHostLaunch.IsFunctionsHost(args, hostEndpointSetting: " ", nativeHostMark: null));

    [Fact]
    public void This_test_process_is_not_under_the_Functions_host() =>
        Assert.False(FunctionsHostLaunch.IsFunctionsHost([]));
}
