using System.ComponentModel.DataAnnotations;
using Azure.Identity;
using HousingLedger.Infrastructure.Secrets;
using HousingLedger.Infrastructure.Secrets.KeyVault;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions;

/// <summary>
/// Where suppliers' webhook secrets are kept (<c>WebhookSecrets:*</c>), picked the way <see cref="SigningOptions"/>
/// picks the ledger key: the Key Vault at <see cref="KeyVaultUri"/>, or, when that is empty, envelopes under the
/// local key-encryption key at <see cref="LocalKeyPath"/>. A malformed vault URI stops the app at start-up.
/// </summary>
public sealed class WebhookSecretOptions : IValidatableObject
{
    /// <summary>The vault, <c>https://{vault}.vault.azure.net/</c>; empty means local envelopes.</summary>
    public string KeyVaultUri { get; set; } = string.Empty;

    /// <summary>Where the local key-encryption key lives; created on first run.</summary>
    public string LocalKeyPath { get; set; } = ".local/webhook-secrets.key";

    /// <summary>
    /// The vault these options name. Key Vault is reached with <see cref="DefaultAzureCredential"/>, as the signer
    /// reaches it: the app's managed identity in Azure, a developer's sign-in locally.
    /// </summary>
    public static IWebhookSecretVault CreateVault(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<WebhookSecretOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.KeyVaultUri))
        {
            return new KeyVaultSecretVault(KeyVaultSecretVault.ParseVaultUri(options.KeyVaultUri).Value, new DefaultAzureCredential());
        }

        var environment = provider.GetRequiredService<IHostEnvironment>();
        return new EnvelopeSecretVault(LocalKeyEncryptionKey.LoadOrCreate(Path.Combine(environment.ContentRootPath, options.LocalKeyPath)));
    }

    /// <summary>Refuses a vault URI that is not a Key Vault's https address, naming the setting and what is wrong.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(KeyVaultUri))
        {
            yield break;
        }

        foreach (var error in KeyVaultSecretVault.ParseVaultUri(KeyVaultUri).Errors)
        {
            yield return new ValidationResult($"WebhookSecrets:KeyVaultUri {error.Message}.", [nameof(KeyVaultUri)]);
        }
    }
}
