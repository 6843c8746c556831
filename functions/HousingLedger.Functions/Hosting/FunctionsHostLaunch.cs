namespace HousingLedger.Functions.Hosting;

/// <summary>
/// Tells whether the Functions host launched this process as its worker, from how it was launched and never from a
/// setting a developer could copy (<c>FUNCTIONS_WORKER_RUNTIME</c> is in local.settings.json too). The host starts a
/// worker with <c>--functions-uri</c> and <c>--functions-worker-id</c>, which the worker reads as
/// <c>Functions:Worker:HostEndpoint</c>; on Flex Consumption a native placeholder loads the app instead and marks it
/// with the <c>AZURE_FUNCTIONS_NATIVE_HOST</c> AppContext value.
/// </summary>
public static class FunctionsHostLaunch
{
    public const string NativeHostAppContextKey = "AZURE_FUNCTIONS_NATIVE_HOST";
    public const string HostEndpointSetting = "Functions:Worker:HostEndpoint";

    private static readonly string[] WorkerArguments = ["--functions-uri", "--functions-worker-id", "--" + HostEndpointSetting];

    /// <summary>Whether this process runs under the Functions host.</summary>
    public static bool IsFunctionsHost(string[] args) =>
        IsFunctionsHost(args, Environment.GetEnvironmentVariable(HostEndpointSetting.Replace(":", "__", StringComparison.Ordinal)), AppContext.GetData(NativeHostAppContextKey));

    /// <param name="args">The process's command line.</param>
    /// <param name="hostEndpointSetting">The <c>Functions:Worker:HostEndpoint</c> setting from the environment, if any.</param>
    /// <param name="nativeHostMark">The <c>AZURE_FUNCTIONS_NATIVE_HOST</c> AppContext value, if any.</param>
    public static bool IsFunctionsHost(string[] args, string? hostEndpointSetting, object? nativeHostMark) =>
        nativeHostMark is not null
        || !string.IsNullOrWhiteSpace(hostEndpointSetting)
        || args.Any(arg => WorkerArguments.Any(name => arg.Equals(name, StringComparison.OrdinalIgnoreCase) || arg.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)));
}
