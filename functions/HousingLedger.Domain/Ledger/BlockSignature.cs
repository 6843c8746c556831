using System.Security.Cryptography;

namespace HousingLedger.Ledger;

/// <summary>The last two checks on any block, whole or in a receipt: its kid is published and its signature holds.</summary>
internal static class BlockSignature
{
    /// <summary>Why <paramref name="signature"/> does not seal <paramref name="header"/>, or null when it does.</summary>
    /// <param name="imported">The found key as an imported <see cref="ECDsa"/>, when the caller keeps one per key; null imports the key for this check alone.</param>
    public static string? FindFault(
        BlockHeader header, string signature, Func<string, PublicSigningKey?> findKey, Func<PublicSigningKey, ECDsa>? imported = null)
    {
        var key = findKey(header.Kid);
        if (key is null)
        {
            return $"kid: expected a published signing key, found '{header.Kid}', which is not one";
        }

        var raw = EcdsaSignature.FromBase64Url(signature);
        if (raw is null)
        {
            return "signature: expected 64 bytes r‖s in base64url without padding, found something else";
        }

        var verifies = imported is null
            ? key.VerifyDigest(header.HashBytes(), raw)
            : PublicSigningKey.VerifyDigest(imported(key), header.HashBytes(), raw);
        return verifies
            ? null
            : $"signature: expected an ES256 signature by key '{header.Kid}' over block hash {header.Hash()}, found one that does not verify";
    }
}
