namespace HousingLedger.Infrastructure.KeyVault;

/// <summary>
/// Which hosts are Azure Key Vaults: one vault name under a Key Vault (or, for keys, Managed HSM) DNS suffix of the
/// Azure clouds (public, China, US Government). A URI naming any other host is refused before a token could be
/// sent there.
/// </summary>
internal static class KeyVaultHost
{
    /// <summary>Key Vault's suffixes: vaults hold keys and secrets.</summary>
    public static readonly string[] VaultSuffixes = ["vault.azure.net", "vault.azure.cn", "vault.usgovcloudapi.net"];

    /// <summary>Managed HSM's suffixes: its pools hold keys only.</summary>
    public static readonly string[] ManagedHsmSuffixes = ["managedhsm.azure.net", "managedhsm.azure.cn", "managedhsm.usgovcloudapi.net"];

    /// <summary>Whether lowercase <paramref name="host"/> is exactly one name under one of <paramref name="suffixes"/>.</summary>
    public static bool IsOneUnder(string host, IEnumerable<string> suffixes) => suffixes.Any(suffix =>
        host.EndsWith("." + suffix, StringComparison.Ordinal) && !host[..^(suffix.Length + 1)].Contains('.', StringComparison.Ordinal));
}
