namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

/// <summary>A test class whose every test gets a fresh <see cref="KeyVaultStandIn"/> and a credential holding the one token it accepts.</summary>
public abstract class KeyVaultStandInTest : IAsyncLifetime
{
    protected KeyVaultStandIn StandIn { get; private set; } = null!;

    protected RecordingCredential Credential { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StandIn = await KeyVaultStandIn.StartAsync();
        Credential = new RecordingCredential(StandIn.AcceptedToken);
    }

    public async Task DisposeAsync() => await StandIn.DisposeAsync();
}
