using System.Security.Cryptography;

namespace HousingLedger.Ledger;

/// <summary>The last two checks on any block, whole or in a receipt: its kid is published and its signature holds.</summary>
internal static class BlockSignature
{
    /// <summary>Why <paramref name="signature"/> does not seal <paramref name="header"/>, or null when it does.</summary>
    public static string? FindFault(BlockHeader header, string signature, Func<string, PublicSigningKey?> findKey) =>
        FindFault(header, header.HashBytes(), EcdsaSignature.FromBase64Url(signature), findKey);

    /// <summary>Why <paramref name="signature"/> (raw <c>r‖s</c>, or null when it was not one) does not seal the header whose block hash is <paramref name="blockHash"/>, or null when it does.</summary>
    /// <param name="imported">The found key as an imported <see cref="ECDsa"/>, when the caller keeps one per key; null imports the key for this check alone.</param>
    public static string? FindFault(
        BlockHeader header, byte[] blockHash, byte[]? signature, Func<string, PublicSigningKey?> findKey, Func<PublicSigningKey, ECDsa>? imported = null)
    {
        var key = findKey(header.Kid);
        if (key is null)
        {
            return $"kid: expected a published signing key, found '{header.Kid}', which is not one";
        }

        if (signature is null)
        {
            return "signature: expected 64 bytes r‖s in base64url without padding, found something else";
        }

        var verifies = imported is null
            ? key.VerifyDigest(blockHash, signature)
            : PublicSigningKey.VerifyDigest(imported(key), blockHash, signature);
        return verifies
            ? null
            : $"signature: expected an ES256 signature by key '{header.Kid}' over block hash {LowercaseHex.Of(blockHash)}, found one that does not verify";
    }
}
