using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>A <see cref="ServiceTest"/> with a supplier's work-order endpoint beside the host.</summary>
public abstract class SupplierServiceTest(AzuriteFixture azurite) : ServiceTest(azurite)
{
    protected SupplierEndpoint SupplierEndpoint { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SupplierEndpoint = await SupplierEndpoint.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await SupplierEndpoint.DisposeAsync();
        await base.DisposeAsync();
    }
}
