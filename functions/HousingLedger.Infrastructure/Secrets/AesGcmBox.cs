using System.Security.Cryptography;

namespace HousingLedger.Infrastructure.Secrets;

/// <summary>
/// AES-256-GCM (NIST SP 800-38D) with a random 96-bit nonce, written as one byte string
/// <c>nonce ‖ ciphertext ‖ 128-bit tag</c>. The associated data binds a box to its purpose and owner: opened with
/// any other, or altered in any bit, it does not authenticate.
/// </summary>
internal static class AesGcmBox
{
    public const int KeySize = 32;

    private static int NonceSize => AesGcm.NonceByteSizes.MaxSize;

    private static int TagSize => AesGcm.TagByteSizes.MaxSize;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var box = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = box.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, box.AsSpan(NonceSize, plaintext.Length), box.AsSpan(NonceSize + plaintext.Length), associatedData);
        return box;
    }

    /// <summary>The plaintext, or null when the box is too short, altered, or sealed under another key or associated data.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> box, ReadOnlySpan<byte> associatedData)
    {
        if (box.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plaintext = new byte[box.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(box[..NonceSize], box.Slice(NonceSize, plaintext.Length), box[^TagSize..], plaintext, associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
