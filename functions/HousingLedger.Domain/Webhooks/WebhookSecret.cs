using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace HousingLedger.Webhooks;

/// <summary>
/// A supplier's Standard Webhooks signing secret, shared by both directions (SPEC §9): the key for HMAC-SHA256,
/// written <c>whsec_</c> + base64 of 24 to 64 random bytes as the Standard Webhooks specification describes.
/// Immutable and thread-safe. <see cref="ToString"/> writes the secret itself: show it once, store it protected.
/// </summary>
public sealed class WebhookSecret
{
    public const string Prefix = "whsec_";

    public const int GeneratedLength = 32;

    public const int MinLength = 24;

    public const int MaxLength = 64;

    private const int MaxEncodedLength = (MaxLength + 2) / 3 * 4;

    private readonly byte[] key;

    private WebhookSecret(byte[] key) => this.key = key;

    /// <summary>The HMAC key: the bytes the base64 after <c>whsec_</c> decodes to.</summary>
    public ReadOnlySpan<byte> Key => key;

    /// <summary>A new secret of 32 random bytes.</summary>
    public static WebhookSecret Generate() => new(RandomNumberGenerator.GetBytes(GeneratedLength));

    /// <summary>
    /// Reads <c>whsec_</c> + standard padded base64 of 24 to 64 bytes. Whitespace, a missing prefix and
    /// base64url are refused, so one secret has one written form.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out WebhookSecret? secret)
    {
        secret = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > Prefix.Length + MaxEncodedLength)
        {
            return false;
        }

        // Decoding then encoding again must give the same text: that refuses whitespace, missing padding and
        // stray bits, which Convert alone would let through.
        var encoded = text[Prefix.Length..];
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length) || length is < MinLength or > MaxLength
            || Convert.ToBase64String(buffer, 0, length) != encoded)
        {
            return false;
        }

        secret = new WebhookSecret(buffer[..length]);
        return true;
    }

    /// <summary>The written form, <c>whsec_</c> + base64 of the key.</summary>
    public override string ToString() => Prefix + Convert.ToBase64String(key);
}
