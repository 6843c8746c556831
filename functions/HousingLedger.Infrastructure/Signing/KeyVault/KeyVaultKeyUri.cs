using System.Text.RegularExpressions;
using HousingLedger.Infrastructure.KeyVault;
using HousingLedger.Validation;

namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// The versioned URI of one Key Vault (or Managed HSM) key version:
/// <c>https://{vault}.vault.azure.net/keys/{name}/{version}</c>. Blocks name their key by this URI, so it must pin
/// a version: a versionless URI would let Key Vault switch keys under a header that already names one.
/// Immutable and thread-safe.
/// </summary>
public sealed partial record KeyVaultKeyUri
{
    private static readonly string[] VaultHostSuffixes = [.. KeyVaultHost.VaultSuffixes, .. KeyVaultHost.ManagedHsmSuffixes];

    private const string Field = "keyVaultKeyId";

    private KeyVaultKeyUri(string host, string name, string version)
    {
        Host = host;
        Name = name;
        Version = version;
    }

    /// <summary>The vault's host name, lowercase (<c>hledger-kv.vault.azure.net</c>).</summary>
    public string Host { get; }

    /// <summary>The key's name (<c>ledger-signing</c>).</summary>
    public string Name { get; }

    /// <summary>The key version this URI pins.</summary>
    public string Version { get; }

    /// <summary>
    /// Reads a versioned key URI. It must be absolute <c>https</c> with the default port, its host one vault under
    /// a Key Vault or Managed HSM suffix of the Azure clouds (<c>vault.azure.net</c>, <c>vault.azure.cn</c>,
    /// <c>vault.usgovcloudapi.net</c>, <c>managedhsm.*</c>), its path <c>/keys/{name}/{version}</c> (name: letters,
    /// digits and hyphens, up to 127; version: letters and digits), with no query, fragment or user info.
    /// </summary>
    public static Validated<KeyVaultKeyUri> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("is empty; give the versioned key URI https://{vault}.vault.azure.net/keys/{name}/{version}");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return Invalid($"'{text}' is not an absolute URI");
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return Invalid($"'{text}' is {uri.Scheme}; Key Vault is reached over https only");
        }

        if (!uri.IsDefaultPort || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return Invalid($"'{text}' carries a port, user info, query or fragment; a key URI has none");
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (!KeyVaultHost.IsOneUnder(host, VaultHostSuffixes))
        {
            return Invalid($"host '{host}' is not a vault under {string.Join(", ", VaultHostSuffixes)}");
        }

        var path = KeyPath().Match(uri.AbsolutePath);
        if (!path.Success)
        {
            return Invalid($"path '{uri.AbsolutePath}' is not /keys/{{name}}/{{version}}; copy the key version's identifier, version included");
        }

        return Validated<KeyVaultKeyUri>.Valid(new KeyVaultKeyUri(host, path.Groups["name"].Value, path.Groups["version"].Value));
    }

    /// <summary>Whether <paramref name="other"/> names this key version; Key Vault's names are case-insensitive.</summary>
    public bool Names(string? other)
    {
        var parsed = Parse(other);
        return parsed.IsValid
            && parsed.Value.Host == Host
            && string.Equals(parsed.Value.Name, Name, StringComparison.OrdinalIgnoreCase)
            && string.Equals(parsed.Value.Version, Version, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The key version's URI as Key Vault writes it: the <c>kid</c> of every block this version signs.</summary>
    public override string ToString() => $"https://{Host}/keys/{Name}/{Version}";

    private static Validated<KeyVaultKeyUri> Invalid(string message) => Validated<KeyVaultKeyUri>.Invalid(Field, message);

    [GeneratedRegex("^/keys/(?<name>[0-9A-Za-z-]{1,127})/(?<version>[0-9A-Za-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPath();
}
