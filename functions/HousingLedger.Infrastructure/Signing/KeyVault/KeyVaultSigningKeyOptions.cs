using Azure.Core;

namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// How <see cref="KeyVaultSigningKey"/> reaches Key Vault: <see cref="ClientOptions.Retry"/> bounds the retries of
/// throttled (429, honouring <c>Retry-After</c>), unavailable (5xx) and dropped requests, and
/// <see cref="ClientOptions.Transport"/> carries the HTTP. The defaults are Azure's: three retries, exponential
/// back-off from 0.8 s.
/// </summary>
public sealed class KeyVaultSigningKeyOptions : ClientOptions
{
}
