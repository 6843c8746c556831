using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>A test class with the service running in-process against the run's Azurite, and a client for it.</summary>
public abstract class HostedServiceTest(AzuriteFixture azurite, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected ServiceHost Host { get; private set; } = null!;

    protected ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ServiceHost.StartAsync(azurite.ConnectionString, settings);
        Api = new ApiClient(Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
    }
}
