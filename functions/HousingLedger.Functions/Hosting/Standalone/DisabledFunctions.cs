namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// The Functions host's switch for turning a function off without a deployment: the app setting
/// <c>AzureWebJobs.&lt;FunctionName&gt;.Disabled</c> (on Linux <c>AzureWebJobs__&lt;FunctionName&gt;__Disabled</c>)
/// set to <c>true</c> or <c>1</c>. The standalone host honours it for the triggers it runs.
/// </summary>
internal static class DisabledFunctions
{
    public static bool IsDisabled(IConfiguration configuration, string functionName) =>
        IsOn(configuration[$"AzureWebJobs.{functionName}.Disabled"])
        || IsOn(configuration[ConfigurationPath.Combine("AzureWebJobs", functionName, "Disabled")]);

    private static bool IsOn(string? value) =>
        value is not null && (value.Trim() == "1" || (bool.TryParse(value.Trim(), out var on) && on));
}
