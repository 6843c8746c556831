using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Signing;

/// <summary>
/// The development signing key: a P-256 private key in a PKCS#8 PEM file, created on first run and readable by
/// its owner only. Production signs in Key Vault instead, where the key never leaves the vault.
/// </summary>
public static class LocalKeyFile
{
    public static EcdsaSigningKey LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return EcdsaSigningKey.FromPkcs8Pem(File.ReadAllText(path));
        }

        var key = EcdsaSigningKey.Create();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(key.ExportPkcs8Pem());
        }

        try
        {
            // Two processes starting at once must end up with one key: the first move wins.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            key.Dispose();
            return EcdsaSigningKey.FromPkcs8Pem(File.ReadAllText(path));
        }
    }
}
