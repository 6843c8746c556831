using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using HousingLedger.Infrastructure.KeyVault;
using HousingLedger.Validation;
using HousingLedger.Values;
using HousingLedger.Webhooks;
using static HousingLedger.Infrastructure.Secrets.SealedSecretJson;

namespace HousingLedger.Infrastructure.Secrets.KeyVault;

/// <summary>
/// Webhook secrets in Azure Key Vault. Each supplier has one Key Vault secret; sealing a secret writes a new
/// version of it and returns <c>{"keyVault": {"name", "version"}}</c>, which is all the state row holds. A version
/// never changes, so each is read from the vault once and then kept in memory. Thread-safe.
/// </summary>
/// <remarks>
/// Secret names allow letters, digits and hyphens only and ignore case, while supplier ids are case-sensitive and
/// may hold <c>_</c>, so the name is derived from the id's hash and the id is written in the secret's tags for the
/// people reading the vault.
/// </remarks>
public sealed class KeyVaultSecretVault : IWebhookSecretVault
{
    private const string Kind = "keyVault";
    private const string NamePrefix = "webhook-secret-";

    private readonly SecretClient client;
    private readonly ConcurrentDictionary<(string Name, string Version), WebhookSecret> opened = new();

    /// <param name="vaultUri">The vault, <c>https://{vault}.vault.azure.net/</c> (<see cref="ParseVaultUri"/>).</param>
    /// <param name="credential">Who signs in to Key Vault (the app's managed identity in Azure).</param>
    /// <param name="options">Retries and transport; <see cref="ClientOptions"/> when null.</param>
    public KeyVaultSecretVault(Uri vaultUri, TokenCredential credential, SecretClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentNullException.ThrowIfNull(credential);
        client = new SecretClient(vaultUri, credential, options ?? ClientOptions());
    }

    /// <summary>
    /// Options that speak the Key Vault REST version the ledger signer speaks (2025-07-01), so the service depends on
    /// one version of the API; Azure's default retries.
    /// </summary>
    public static SecretClientOptions ClientOptions() => new(SecretClientOptions.ServiceVersion.V2025_07_01);

    /// <summary>
    /// Reads a vault URI: absolute <c>https</c> on the default port, its host one vault under a Key Vault suffix of the
    /// Azure clouds, no path beyond <c>/</c>, query, fragment or user info.
    /// </summary>
    public static Validated<Uri> ParseVaultUri(string? text)
    {
        const string field = "keyVaultUri";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return Validated<Uri>.Invalid(field, $"'{text}' is not a vault's https address such as https://{{vault}}.vault.azure.net/");
        }

        var host = uri.IdnHost.ToLowerInvariant();
        return KeyVaultHost.IsOneUnder(host, KeyVaultHost.VaultSuffixes)
            ? Validated<Uri>.Valid(new Uri($"https://{host}/"))
            : Validated<Uri>.Invalid(field, $"host '{host}' is not a vault under {string.Join(", ", KeyVaultHost.VaultSuffixes)}");
    }

    /// <summary>The Key Vault secret that holds <paramref name="supplierId"/>'s webhook secret.</summary>
    public static string SecretNameOf(SupplierId supplierId) =>
        NamePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(supplierId.Value)).AsSpan(0, 20));

    /// <exception cref="RequestFailedException">Key Vault refused (without Key Vault Secrets Officer, say).</exception>
    public async Task<JsonObject> SealAsync(SupplierId supplierId, WebhookSecret secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var written = new KeyVaultSecret(SecretNameOf(supplierId), secret.ToString())
        {
            Properties = { ContentType = "text/plain", Tags = { ["supplierId"] = supplierId.Value, ["purpose"] = "webhook-secret" } },
        };
        var stored = (await client.SetSecretAsync(written, cancellationToken)).Value;
        opened[(stored.Name, stored.Properties.Version)] = secret;
        return new JsonObject { [Kind] = new JsonObject { ["name"] = stored.Name, ["version"] = stored.Properties.Version } };
    }

    /// <exception cref="RequestFailedException">Key Vault refused, or has no such version.</exception>
    public async Task<WebhookSecret> OpenAsync(SupplierId supplierId, JsonObject sealedSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        var reference = sealedSecret[Kind] as JsonObject
            ?? throw Unreadable(supplierId, "it is not a Key Vault reference (was it sealed locally? WebhookSecrets:KeyVaultUri is set here)");
        var name = Text(reference, "name");
        var version = Text(reference, "version");
        if (name != SecretNameOf(supplierId) || string.IsNullOrEmpty(version))
        {
            throw Unreadable(supplierId, $"it names secret '{name}' version '{version}', not a version of {SecretNameOf(supplierId)}");
        }

        if (opened.TryGetValue((name, version), out var known))
        {
            return known;
        }

        var value = (await client.GetSecretAsync(name, version, cancellationToken)).Value.Value;
        return WebhookSecret.TryParse(value, out var secret)
            ? opened.GetOrAdd((name, version), secret)
            : throw Unreadable(supplierId, $"Key Vault's {name}/{version} does not hold a whsec_ secret");
    }
}
