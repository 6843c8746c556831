using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// The function app as a separate operating-system process (<see cref="AppProcess"/>), started from this test's
/// output (or from another folder, such as the unpacked deployment package) with the test settings, so a test can
/// kill it outright (no clean shutdown) and start another.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly AppProcess app;

    private HostProcess(AppProcess app) => this.app = app;

    public Uri BaseAddress => app.BaseAddress;

    /// <param name="appFolder">The folder holding <c>HousingLedger.Functions.dll</c>; this test's output when <see langword="null"/>.</param>
    public static async Task<HostProcess> StartAsync(string storageConnection, string keyPath, IDictionary<string, string>? settings = null, string? appFolder = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storageConnection,
            ["Operator__ApiKey"] = ServiceHost.OperatorKey,
            ["Signing__LocalKeyPath"] = keyPath,
            ["WebhookSecrets__LocalKeyPath"] = ServiceHost.WebhookSecretsKeyPath,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return new HostProcess(await AppProcess.StartAsync(appFolder ?? AppContext.BaseDirectory, environment));
    }

    /// <summary>Ends the process at once, as a crash or a scale-in would: nothing is flushed or finished.</summary>
    public void Kill() => app.Kill();

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
