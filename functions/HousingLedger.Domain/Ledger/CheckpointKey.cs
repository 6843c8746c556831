using System.Security.Cryptography;

namespace HousingLedger.Ledger;

/// <summary>
/// How a ledger key appears in C2SP signed notes under signature type 0x02 (ECDSA, as implemented by
/// transparency-dev/witness): its 4-byte key id is the first four bytes of SHA-256 over its DER
/// SubjectPublicKeyInfo, and its verifier key (vkey) is <c>{name}+{hex key id}+{base64(0x02 ‖ SPKI)}</c>.
/// </summary>
public static class CheckpointKey
{
    /// <summary>The C2SP signed-note signature type of ECDSA signatures.</summary>
    public const byte SignatureType = 0x02;

    /// <summary>SHA-256(DER SubjectPublicKeyInfo)[0..4]: the bytes that open each of this key's signatures.</summary>
    public static byte[] KeyId(PublicSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(key.SubjectPublicKeyInfo())[..NoteSignature.KeyIdLength];
    }

    /// <summary>
    /// The vkey with which generic signed-note tools check this key's checkpoints of <paramref name="chain"/>,
    /// e.g. <c>housingledger/assoc_1+1a2b3c4d+AjBZMBMG…</c>.
    /// </summary>
    public static string VerifierKey(string chain, PublicSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyName = Checkpoint.OriginOf(chain);
        byte[] material = [SignatureType, .. key.SubjectPublicKeyInfo()];
        return $"{keyName}+{Convert.ToHexStringLower(KeyId(key))}+{Convert.ToBase64String(material)}";
    }
}
