using System.Security.Cryptography;

namespace HousingLedger.Ledger;

/// <summary>
/// The public half of a P-256 ledger signing key, as published in <c>/api/.well-known/jwks.json</c>:
/// the key id and the curve point's coordinates (32 bytes each).
/// </summary>
public sealed partial record PublicSigningKey
{
    public PublicSigningKey(string keyId, byte[] x, byte[] y)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != 32 || y.Length != 32)
        {
            throw new ArgumentException($"A P-256 coordinate is 32 bytes; got x {x.Length}, y {y.Length}.");
        }

        KeyId = keyId;
        X = x;
        Y = y;
    }

    public string KeyId { get; }

    public byte[] X { get; }

    public byte[] Y { get; }

    /// <summary>Checks an ES256 raw <c>r‖s</c> signature over a SHA-256 digest.</summary>
    public bool VerifyDigest(ReadOnlySpan<byte> sha256Digest, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }

        using var ecdsa = Import();
        return VerifyDigest(ecdsa, sha256Digest, signature);
    }

    /// <summary>
    /// Checks an ES256 raw <c>r‖s</c> signature over a SHA-256 digest under a key already imported with
    /// <see cref="Import"/>, for a caller that checks many signatures under one key.
    /// </summary>
    internal static bool VerifyDigest(ECDsa imported, ReadOnlySpan<byte> sha256Digest, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && imported.VerifyHash(sha256Digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>This key as an <see cref="ECDsa"/> that can check signatures; the caller disposes of it.</summary>
    internal ECDsa Import() => ECDsa.Create(ToParameters());

    /// <summary>The DER SubjectPublicKeyInfo of this key (checkpoint key ids are derived from it).</summary>
    public byte[] SubjectPublicKeyInfo()
    {
        using var ecdsa = ECDsa.Create(ToParameters());
        return ecdsa.ExportSubjectPublicKeyInfo();
    }

    public ECParameters ToParameters() => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = X, Y = Y },
    };

    public bool Equals(PublicSigningKey? other) =>
        other is not null && KeyId == other.KeyId && X.AsSpan().SequenceEqual(other.X) && Y.AsSpan().SequenceEqual(other.Y);

    public override int GetHashCode() => HashCode.Combine(KeyId, Convert.ToHexString(X));
}
