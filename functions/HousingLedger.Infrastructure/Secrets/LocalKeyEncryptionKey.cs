using System.Security.Cryptography;
using HousingLedger.Infrastructure.LocalFiles;

namespace HousingLedger.Infrastructure.Secrets;

/// <summary>
/// The development key-encryption key: 32 random bytes, base64 in a file created on first run and readable by its
/// owner only (like the local signing key). It wraps the data keys of <see cref="EnvelopeSecretVault"/>; anyone
/// with the file and the state table can read the secrets, so it stays on the developer's machine.
/// </summary>
public sealed class LocalKeyEncryptionKey
{
    private readonly byte[] key;

    private LocalKeyEncryptionKey(byte[] key)
    {
        this.key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
    }

    /// <summary>A name for the key that does not reveal it (the first 8 bytes of its SHA-256, hex): an envelope records which key wrapped it.</summary>
    public string Id { get; }

    internal ReadOnlySpan<byte> Key => key;

    /// <exception cref="InvalidDataException">The file exists but does not hold base64 of 32 bytes.</exception>
    public static LocalKeyEncryptionKey LoadOrCreate(string path)
    {
        var text = OwnerOnlyFile.ReadOrCreate(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(AesGcmBox.KeySize)) + "\n").Trim();
        var buffer = new byte[AesGcmBox.KeySize];
        return Convert.TryFromBase64String(text, buffer, out var length) && length == AesGcmBox.KeySize
            ? new LocalKeyEncryptionKey(buffer)
            : throw new InvalidDataException($"The key-encryption key file {path} does not hold base64 of {AesGcmBox.KeySize} bytes.");
    }
}
