using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HousingLedger.Ledger;

/// <summary>
/// C2SP tlog-cosignature v1 with Ed25519 (signature type 0x04): a witness's statement that, as of its timestamp, the
/// checkpoint is the largest consistent tree head it has seen for the chain. The signature covers
/// <c>cosignature/v1\ntime {timestamp}\n</c> followed by the checkpoint's note text, and its note signature carries the
/// big-endian 64-bit timestamp before the 64-byte Ed25519 signature. Only the format is here; the signing itself needs an
/// Ed25519 implementation, which the domain does not carry.
/// </summary>
public static class Cosignature
{
    /// <summary>The C2SP signature type of Ed25519 cosignatures.</summary>
    public const byte SignatureType = 0x04;

    /// <summary>Length of an Ed25519 public key, and of a signature in bytes.</summary>
    public const int PublicKeyLength = 32;

    public const int Ed25519SignatureLength = 64;

    private const int TimestampLength = 8;

    /// <summary>SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[0..4]: the key id that opens each of this cosigner's signatures.</summary>
    public static byte[] KeyId(string cosignerName, ReadOnlySpan<byte> publicKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(cosignerName);
        byte[] material = [.. Encoding.UTF8.GetBytes(cosignerName + "\n"), SignatureType, .. publicKey];
        return SHA256.HashData(material)[..NoteSignature.KeyIdLength];
    }

    /// <summary>The bytes an Ed25519 cosignature of <paramref name="checkpointText"/> at <paramref name="timestamp"/> signs.</summary>
    /// <param name="checkpointText">The checkpoint's note text, final newline included, signature lines excluded.</param>
    /// <param name="timestamp">Seconds since the Unix epoch.</param>
    public static byte[] SignedMessage(string checkpointText, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        return Encoding.UTF8.GetBytes($"cosignature/v1\ntime {timestamp.ToString(CultureInfo.InvariantCulture)}\n{checkpointText}");
    }

    /// <summary>The note signature of a cosignature made by <paramref name="cosigner"/> at <paramref name="timestamp"/>.</summary>
    public static NoteSignature ToNoteSignature(CosignerKey cosigner, long timestamp, ReadOnlySpan<byte> ed25519Signature)
    {
        ArgumentNullException.ThrowIfNull(cosigner);
        if (ed25519Signature.Length != Ed25519SignatureLength)
        {
            throw new ArgumentException($"An Ed25519 signature has {Ed25519SignatureLength} bytes; found {ed25519Signature.Length}.", nameof(ed25519Signature));
        }

        var body = new byte[TimestampLength + Ed25519SignatureLength];
        BinaryPrimitives.WriteUInt64BigEndian(body, checked((ulong)timestamp));
        ed25519Signature.CopyTo(body.AsSpan(TimestampLength));
        return new NoteSignature(cosigner.Name, cosigner.KeyId, body);
    }

    /// <summary>The timestamp and Ed25519 signature a cosignature line carries; null when its bytes are not one.</summary>
    public static (long Timestamp, byte[] Ed25519Signature)? Read(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Signature.Length != TimestampLength + Ed25519SignatureLength)
        {
            return null;
        }

        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        return timestamp > long.MaxValue ? null : ((long)timestamp, signature.Signature[TimestampLength..]);
    }
}

/// <summary>
/// A witness's public key as a C2SP verifier key (vkey): <c>{name}+{hex key id}+{base64(0x04 ‖ 32-byte Ed25519 key)}</c>,
/// the form an association publishes and auditors configure.
/// </summary>
public sealed record CosignerKey
{
    public CosignerKey(string name, ReadOnlySpan<byte> publicKey)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('+', StringComparison.Ordinal) || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"A cosigner's name is non-empty, with no '+', spaces or control characters; found '{name}'.", nameof(name));
        }

        if (publicKey.Length != Cosignature.PublicKeyLength)
        {
            throw new ArgumentException($"An Ed25519 public key has {Cosignature.PublicKeyLength} bytes; found {publicKey.Length}.", nameof(publicKey));
        }

        Name = name;
        PublicKey = publicKey.ToArray();
        KeyId = Cosignature.KeyId(name, publicKey);
    }

    /// <summary>The witness's name, a schema-less URL such as <c>witness.riverside.example/hl</c>.</summary>
    public string Name { get; }

    public byte[] PublicKey { get; }

    public byte[] KeyId { get; }

    /// <summary>Reads a vkey; null with a reason when it is not an Ed25519 cosigner's.</summary>
    public static CosignerKey? Parse(string vkey, out string reason)
    {
        ArgumentNullException.ThrowIfNull(vkey);
        // The key's base64 may itself hold '+', so only the first two separate fields.
        var parts = vkey.Trim().Split('+', 3);
        var material = parts.Length == 3 ? Checkpoint.StrictBase64(parts[2]) : null;
        if (parts.Length != 3 || material is not { Length: 1 + Cosignature.PublicKeyLength } || material[0] != Cosignature.SignatureType)
        {
            reason = $"verifier key: expected '<name>+<key id>+<base64 of 0x04 and a 32-byte Ed25519 key>', found '{vkey.Trim()}'";
            return null;
        }

        CosignerKey key;
        try
        {
            key = new CosignerKey(parts[0], material.AsSpan(1));
        }
        catch (ArgumentException ex)
        {
            reason = "verifier key: " + ex.Message;
            return null;
        }

        if (!string.Equals(parts[1], Convert.ToHexStringLower(key.KeyId), StringComparison.Ordinal))
        {
            reason = $"verifier key: its key id is {Convert.ToHexStringLower(key.KeyId)} for that name and key, but it says {parts[1]}";
            return null;
        }

        reason = string.Empty;
        return key;
    }

    public string ToVerifierKey() =>
        $"{Name}+{Convert.ToHexStringLower(KeyId)}+{Convert.ToBase64String([Cosignature.SignatureType, .. PublicKey])}";

    public bool Equals(CosignerKey? other) => other is not null && Name == other.Name && PublicKey.AsSpan().SequenceEqual(other.PublicKey);

    public override int GetHashCode() => HashCode.Combine(Name, PublicKey.Length);
}
