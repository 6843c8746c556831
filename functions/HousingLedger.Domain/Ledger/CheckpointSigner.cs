using System.Security.Cryptography;
using System.Text;

namespace HousingLedger.Ledger;

/// <summary>
/// Signs a chain's checkpoint as a C2SP signed note with signature type 0x02: the note text, a blank line, and
/// one signature line <c>— housingledger/{chain} base64(key id ‖ DER signature)\n</c>, where the key id is
/// <see cref="CheckpointKey.KeyId"/> and the signature is ECDSA P-256 over SHA-256 of the note text's UTF-8
/// bytes, ASN.1 DER. Thread-safe.
/// </summary>
public static class CheckpointSigner
{
    /// <summary>The signed note for <paramref name="chain"/> at <paramref name="treeSize"/> leaves with root <paramref name="rootHash"/>.</summary>
    /// <exception cref="ArgumentException">The chain, size or root cannot form a checkpoint (see <see cref="Checkpoint"/>).</exception>
    public static async Task<string> SignAsync(
        string chain, long treeSize, byte[] rootHash, ISigningKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rootHash);
        ArgumentNullException.ThrowIfNull(key);
        var checkpoint = Checkpoint.ForChain(chain, treeSize, rootHash);
        var text = checkpoint.ToNoteText();
        var publicKey = await key.GetPublicKeyAsync(cancellationToken).ConfigureAwait(false);
        var raw = await key.SignDigestAsync(SHA256.HashData(Encoding.UTF8.GetBytes(text)), cancellationToken).ConfigureAwait(false);
        byte[] signature = [.. CheckpointKey.KeyId(publicKey), .. EcdsaSignature.RawToDer(raw)];
        return $"{text}\n— {checkpoint.Origin} {Convert.ToBase64String(signature)}\n";
    }
}
