using System.Security.Cryptography;
using System.Text;

namespace HousingLedger.Ledger;

/// <summary>
/// Checks a signed checkpoint as C2SP signed-note and tlog-checkpoint prescribe: the note is text, a blank
/// line and signature lines; a signature line counts when its key name is the checkpoint's origin and its key
/// id is a trusted key's (<see cref="CheckpointKey.KeyId"/>); others (witness cosignatures, say) are ignored.
/// Every counted signature must verify, and at least one must be counted. Thread-safe.
/// </summary>
public static class CheckpointVerifier
{
    /// <summary>Checks <paramref name="note"/> against one trusted key.</summary>
    public static CheckpointVerification Verify(string note, PublicSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Verify(note, [key]);
    }

    /// <summary>Checks <paramref name="note"/> against the trusted keys (e.g. every key in the JWKS).</summary>
    public static CheckpointVerification Verify(string note, IEnumerable<PublicSigningKey> trustedKeys)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(trustedKeys);
        // Read down the note, so the first fault is the one named: its shape, its checkpoint text, then its signatures.
        if (SignedNote.Split(note, out var reason) is not { } parts)
        {
            return CheckpointVerification.Failed(reason);
        }

        var checkpoint = Checkpoint.FromNoteText(parts.Text, out reason);
        if (checkpoint is null)
        {
            return CheckpointVerification.Failed(reason);
        }

        if (SignedNote.ReadSignatures(parts.SignatureLines, out reason) is not { } signatures)
        {
            return CheckpointVerification.Failed(reason);
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(parts.Text));
        var keys = trustedKeys.ToList();
        var verified = 0;
        foreach (var signature in signatures)
        {
            if (signature.KeyName != checkpoint.Origin)
            {
                continue;
            }

            var key = keys.FirstOrDefault(k => CheckpointKey.KeyId(k).AsSpan().SequenceEqual(signature.KeyId));
            if (key is null)
            {
                continue;
            }

            if (!VerifiesDer(key, digest, signature.Signature))
            {
                return CheckpointVerification.Failed($"signature: expected an ECDSA P-256 signature by key '{key.KeyId}' over SHA-256 of the note text, found one that does not verify");
            }

            verified++;
        }

        return verified > 0
            ? CheckpointVerification.Verified(checkpoint)
            : CheckpointVerification.Failed($"signature: expected one by a trusted key named {checkpoint.Origin}, found none");
    }

    private static bool VerifiesDer(PublicSigningKey key, byte[] digest, byte[] der)
    {
        using var ecdsa = ECDsa.Create(key.ToParameters());
        return ecdsa.VerifyHash(digest, der, DSASignatureFormat.Rfc3279DerSequence);
    }
}
