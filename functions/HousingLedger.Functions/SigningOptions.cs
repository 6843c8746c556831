using System.ComponentModel.DataAnnotations;
using Azure.Identity;
using HousingLedger.Infrastructure.Signing;
using HousingLedger.Infrastructure.Signing.KeyVault;
using HousingLedger.Ledger;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions;

/// <summary>
/// Which key signs the ledger (<c>Signing:*</c>): the Key Vault key version in <see cref="KeyVaultKeyId"/>, or,
/// when that is empty, the local development key at <see cref="LocalKeyPath"/>. A malformed key id stops the app
/// at start-up, before any block could be sealed.
/// </summary>
public sealed class SigningOptions : IValidatableObject
{
    /// <summary>
    /// The versioned Key Vault key URI, <c>https://{vault}.vault.azure.net/keys/{name}/{version}</c>; empty means
    /// the local development key. Rotating the key means pointing this at the new version.
    /// </summary>
    public string KeyVaultKeyId { get; set; } = string.Empty;

    /// <summary>Where the local development key lives; created on first run.</summary>
    public string LocalKeyPath { get; set; } = ".local/signing-key.pem";

    /// <summary>
    /// The ledger key these options name. Key Vault is reached with <see cref="DefaultAzureCredential"/>: the app's
    /// managed identity in Azure (<c>AZURE_CLIENT_ID</c> picks a user-assigned one), a developer's sign-in locally.
    /// </summary>
    public static ISigningKey CreateKey(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SigningOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.KeyVaultKeyId))
        {
            return new KeyVaultSigningKey(KeyVaultKeyUri.Parse(options.KeyVaultKeyId).Value, new DefaultAzureCredential());
        }

        var environment = provider.GetRequiredService<IHostEnvironment>();
        return LocalKeyFile.LoadOrCreate(Path.Combine(environment.ContentRootPath, options.LocalKeyPath));
    }

    /// <summary>Refuses a key id that is not a versioned Key Vault key URI, naming the setting and what is wrong.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(KeyVaultKeyId))
        {
            yield break;
        }

        foreach (var error in KeyVaultKeyUri.Parse(KeyVaultKeyId).Errors)
        {
            yield return new ValidationResult($"Signing:KeyVaultKeyId {error.Message}.", [nameof(KeyVaultKeyId)]);
        }
    }
}
