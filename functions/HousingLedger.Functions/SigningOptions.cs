using HousingLedger.Infrastructure.Signing;
using HousingLedger.Ledger;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions;

/// <summary>Which key signs the ledger (<c>Signing:*</c>).</summary>
public sealed class SigningOptions
{
    /// <summary>A Key Vault key URI; empty means the local development key.</summary>
    public string KeyVaultKeyId { get; set; } = string.Empty;

    /// <summary>Where the local development key lives; created on first run.</summary>
    public string LocalKeyPath { get; set; } = ".local/signing-key.pem";

    public static ISigningKey CreateKey(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SigningOptions>>().Value;
        if (!string.IsNullOrEmpty(options.KeyVaultKeyId))
        {
            throw new InvalidOperationException("Signing:KeyVaultKeyId is set, but this build signs with the local key only; leave it empty.");
        }

        var environment = provider.GetRequiredService<IHostEnvironment>();
        return LocalKeyFile.LoadOrCreate(Path.Combine(environment.ContentRootPath, options.LocalKeyPath));
    }
}
