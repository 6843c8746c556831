using System.Security.Cryptography;

namespace HousingLedger.Ledger;

/// <summary>
/// A P-256 signing key held in this process: the local development key (a PKCS#8 PEM file) and test keys.
/// Its <see cref="KeyId"/> is the RFC 7638 thumbprint of its public key. Thread-safe; dispose it to release
/// the private key.
/// </summary>
public sealed class EcdsaSigningKey : ISigningKey, IDisposable
{
    private readonly ECDsa ecdsa;
    private readonly PublicSigningKey publicKey;
    private readonly Lock signing = new();

    private EcdsaSigningKey(ECDsa ecdsa)
    {
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        if (!IsP256(parameters.Curve))
        {
            ecdsa.Dispose();
            throw new ArgumentException($"A ledger key is on P-256; this one is on {parameters.Curve.Oid.FriendlyName ?? parameters.Curve.Oid.Value}.");
        }

        this.ecdsa = ecdsa;
        var x = parameters.Q.X!;
        var y = parameters.Q.Y!;
        publicKey = new PublicSigningKey(PublicSigningKey.ComputeThumbprint(x, y), x, y);
    }

    public string KeyId => publicKey.KeyId;

    /// <summary>A new random P-256 key.</summary>
    public static EcdsaSigningKey Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Loads a P-256 private key from PEM (<c>-----BEGIN PRIVATE KEY-----</c>, PKCS#8).</summary>
    /// <exception cref="ArgumentException">The text holds no PKCS#8 private key, or the key is not on P-256.</exception>
    public static EcdsaSigningKey FromPkcs8Pem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not "PRIVATE KEY")
        {
            throw new ArgumentException("The text holds no PEM block labelled PRIVATE KEY (PKCS#8).", nameof(pem));
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(pem[fields.Base64Data]), out _);
        }
        catch (CryptographicException notAnEcKey)
        {
            ecdsa.Dispose();
            throw new ArgumentException("The PKCS#8 block is not an EC private key: " + notAnEcKey.Message, nameof(pem), notAnEcKey);
        }

        return new EcdsaSigningKey(ecdsa);
    }

    /// <summary>The private key as PKCS#8 PEM, for the local key file.</summary>
    public string ExportPkcs8Pem() => ecdsa.ExportPkcs8PrivateKeyPem();

    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    public Task<byte[]> SignDigestAsync(ReadOnlyMemory<byte> sha256Digest, CancellationToken cancellationToken = default)
    {
        if (sha256Digest.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"A SHA-256 digest is {SHA256.HashSizeInBytes} bytes; got {sha256Digest.Length}.", nameof(sha256Digest));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (signing)
        {
            return Task.FromResult(ecdsa.SignHash(sha256Digest.Span, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        }
    }

    public Task<PublicSigningKey> GetPublicKeyAsync(CancellationToken cancellationToken = default) => Task.FromResult(publicKey);

    public void Dispose() => ecdsa.Dispose();

    /// <summary>Platforms name the curve by OID value or by friendly name only.</summary>
    private static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == "1.2.840.10045.3.1.7" || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1");
}
