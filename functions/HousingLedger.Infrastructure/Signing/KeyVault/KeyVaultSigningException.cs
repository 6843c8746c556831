namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// Key Vault answered, but not with something the ledger can trust: a challenge naming another resource, a key
/// that is not EC P-256, a malformed answer, or a signature that does not verify under the key's public half.
/// Refusals by Key Vault itself (403, 404, throttling past the retries) are <see cref="Azure.RequestFailedException"/>.
/// </summary>
public sealed class KeyVaultSigningException : Exception
{
    public KeyVaultSigningException(string message)
        : base(message)
    {
    }

    public KeyVaultSigningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
