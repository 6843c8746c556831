namespace HousingLedger.Ledger;

/// <summary>
/// A P-256 key that signs for the ledger (block hashes, checkpoints). The private half may never leave its store:
/// a local key file in development, Azure Key Vault in production. Implementations are thread-safe.
/// </summary>
public interface ISigningKey
{
    /// <summary>The key id written into every block header this key signs (<c>kid</c>).</summary>
    string KeyId { get; }

    /// <summary>Signs a SHA-256 digest with ES256; returns the raw 64-byte <c>r‖s</c> signature.</summary>
    Task<byte[]> SignDigestAsync(ReadOnlyMemory<byte> sha256Digest, CancellationToken cancellationToken = default);

    /// <summary>The public half, for publishing in the JWKS and for checking signatures locally.</summary>
    Task<PublicSigningKey> GetPublicKeyAsync(CancellationToken cancellationToken = default);
}
