using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// A test class that talks to the function app over HTTP: one in-process host per test (against the run's Azurite),
/// and a client for it. Override <see cref="Settings"/> to configure the host.
/// </summary>
public abstract class ServiceTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite => azurite;

    protected ServiceHost Host { get; private set; } = null!;

    protected ApiClient Api { get; private set; } = null!;

    /// <summary>Settings for the host on top of the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>
    /// Settings for a host whose queue triggers and timers are all off and whose storage calls are counted, so what it
    /// counts is the test's own doing (a work-order trigger would resend what earlier tests left on the shared Azurite).
    /// </summary>
    protected static IDictionary<string, string?> TriggersOffAndStorageCounted() => new Dictionary<string, string?>
    {
        ["AzureWebJobs.LedgerAppend.Disabled"] = "true",
        ["AzureWebJobs.LedgerCatchUp.Disabled"] = "true",
        ["AzureWebJobs.WorkOrderDispatch.Disabled"] = "true",
        ["AzureWebJobs.Settlement.Disabled"] = "true",
        [StorageClients.CountOperationsSettingName] = "true",
    };

    /// <summary>The host's clock; the system's when null.</summary>
    protected virtual TimeProvider? Clock => null;

    public virtual async Task InitializeAsync()
    {
        Host = await ServiceHost.StartAsync(azurite.ConnectionString, Settings, Clock);
        Api = new ApiClient(Host.BaseAddress);
    }

    public virtual async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
    }
}
