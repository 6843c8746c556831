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
    private const string SignaturePrefix = "— ";

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
        var checkpoint = Checkpoint.FromSignedNote(note, out var text, out var signatureLines, out var reason);
        if (checkpoint is null)
        {
            return CheckpointVerification.Failed(reason);
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var keys = trustedKeys.ToList();
        var verified = 0;
        foreach (var line in signatureLines)
        {
            var signature = ReadSignatureLine(line, out reason);
            if (signature is null)
            {
                return CheckpointVerification.Failed(reason);
            }

            if (signature.Value.KeyName != checkpoint.Origin)
            {
                continue;
            }

            var key = keys.FirstOrDefault(k => CheckpointKey.KeyId(k).AsSpan().SequenceEqual(signature.Value.KeyId));
            if (key is null)
            {
                continue;
            }

            if (!VerifiesDer(key, digest, signature.Value.Der))
            {
                return CheckpointVerification.Failed($"signature: expected an ECDSA P-256 signature by key '{key.KeyId}' over SHA-256 of the note text, found one that does not verify");
            }

            verified++;
        }

        return verified > 0
            ? CheckpointVerification.Verified(checkpoint)
            : CheckpointVerification.Failed($"signature: expected one by a trusted key named {checkpoint.Origin}, found none");
    }

    private static (string KeyName, byte[] KeyId, byte[] Der)? ReadSignatureLine(string line, out string reason)
    {
        var parts = line.StartsWith(SignaturePrefix, StringComparison.Ordinal) ? line[SignaturePrefix.Length..].Split(' ') : [];
        var bytes = parts.Length == 2 ? Checkpoint.StrictBase64(parts[1]) : null;
        if (parts.Length != 2 || parts[0].Length == 0 || parts[0].Contains('+', StringComparison.Ordinal) || bytes is null || bytes.Length <= CheckpointKey.KeyIdLength)
        {
            reason = $"signature line: expected '— <key name> <base64 of key id and signature>', found '{line}'";
            return null;
        }

        reason = string.Empty;
        return (parts[0], bytes[..CheckpointKey.KeyIdLength], bytes[CheckpointKey.KeyIdLength..]);
    }

    private static bool VerifiesDer(PublicSigningKey key, byte[] digest, byte[] der)
    {
        using var ecdsa = ECDsa.Create(key.ToParameters());
        return ecdsa.VerifyHash(digest, der, DSASignatureFormat.Rfc3279DerSequence);
    }
}
