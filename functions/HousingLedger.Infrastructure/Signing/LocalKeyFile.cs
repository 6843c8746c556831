using HousingLedger.Infrastructure.LocalFiles;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Signing;

/// <summary>
/// The development signing key: a P-256 private key in a PKCS#8 PEM file, created on first run and readable by
/// its owner only. Production signs in Key Vault instead, where the key never leaves the vault.
/// </summary>
public static class LocalKeyFile
{
    public static EcdsaSigningKey LoadOrCreate(string path) => EcdsaSigningKey.FromPkcs8Pem(OwnerOnlyFile.ReadOrCreate(path, () =>
    {
        using var key = EcdsaSigningKey.Create();
        return key.ExportPkcs8Pem();
    }));
}
