using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Webhooks;

/// <summary>
/// Signs and verifies webhooks as the Standard Webhooks specification (https://www.standardwebhooks.com) lays down:
/// <c>webhook-signature: v1,</c> + base64 HMAC-SHA256, under the secret's key, of <c>{webhook-id}.{webhook-timestamp}.{body}</c>.
/// Used both for suppliers' job events and for the work orders the service sends them (SPEC §10). Thread-safe; the
/// clock is passed in.
/// </summary>
/// <remarks>
/// A <c>webhook-id</c> must follow <see cref="Identifier.Rule"/>, because it becomes a ledger event id and a storage
/// key. The specification's own ids (<c>msg_p5jXN8AQM9LWM0D4loKWxJek</c>) fit that rule, and it warns that an id must
/// not contain <c>.</c>, the separator of the signed content, so neither <c>.</c> nor <c>:</c> is allowed.
/// </remarks>
public static class StandardWebhook
{
    public const string IdHeader = "webhook-id";

    public const string TimestampHeader = "webhook-timestamp";

    public const string SignatureHeader = "webhook-signature";

    /// <summary>The signature version of HMAC-SHA256; other versions in the header (e.g. <c>v1a</c>) are passed over.</summary>
    public const string SymmetricVersion = "v1";

    /// <summary>How far a webhook's timestamp may be from the receiver's clock, either way, before it is refused as a replay.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    // The last second DateTimeOffset can hold (9999-12-31T23:59:59Z).
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>
    /// The <c>webhook-signature</c> value for a webhook: <c>v1,</c> + base64 HMAC-SHA256 of
    /// <c>{id}.{unix seconds of timestamp}.{body}</c>. Send the timestamp as <c>webhook-timestamp</c> in the same
    /// whole seconds (<see cref="DateTimeOffset.ToUnixTimeSeconds"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> does not follow <see cref="Identifier.Rule"/>.</exception>
    public static string Sign(WebhookSecret secret, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!Identifier.IsValid(id))
        {
            throw new ArgumentException("A webhook id is " + Identifier.Rule + ".", nameof(id));
        }

        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return SymmetricVersion + "," + Convert.ToBase64String(Mac(secret, id, seconds, body));
    }

    /// <summary>
    /// The <c>webhook-signature</c> value under each of <paramref name="secrets"/>, space-separated in their order, as
    /// the specification allows while a secret is rotated: a receiver holding either secret finds its signature.
    /// </summary>
    /// <exception cref="ArgumentException">There is no secret, or <paramref name="id"/> does not follow <see cref="Identifier.Rule"/>.</exception>
    public static string Sign(IReadOnlyCollection<WebhookSecret> secrets, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentOutOfRangeException.ThrowIfZero(secrets.Count, nameof(secrets));
        var signatures = new List<string>(secrets.Count);
        foreach (var secret in secrets)
        {
            signatures.Add(Sign(secret, id, timestamp, body));
        }

        return string.Join(' ', signatures);
    }

    /// <summary>Checks a received webhook against one secret; see the overload that takes the secrets valid during a rotation.</summary>
    public static Validated<VerifiedWebhook> Verify(
        WebhookSecret secret, string? id, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Verify([secret], id, timestamp, signatureHeader, body, now);
    }

    /// <summary>
    /// Checks a received webhook's three headers and body against <paramref name="secrets"/> (the supplier's
    /// secrets valid at <paramref name="now"/>: two while one is rotated) at <paramref name="now"/>: it verifies
    /// when any <c>v1</c> signature in the header matches under any of them.
    /// Each error names its header: missing headers; an id outside <see cref="Identifier.Rule"/>; a timestamp that is
    /// not whole seconds since 1970, or more than <see cref="Tolerance"/> from <paramref name="now"/>; a signature list
    /// (space-separated <c>version,base64</c> entries) with no <c>v1</c> entry, or none that matches. Signatures are
    /// compared in constant time.
    /// </summary>
    /// <exception cref="ArgumentException">There is no secret.</exception>
    public static Validated<VerifiedWebhook> Verify(
        IReadOnlyCollection<WebhookSecret> secrets, string? id, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentOutOfRangeException.ThrowIfZero(secrets.Count, nameof(secrets));
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(new FieldError(IdHeader, "is required"));
        }
        else if (!Identifier.IsValid(id))
        {
            errors.Add(new FieldError(IdHeader, "must be " + Identifier.Rule + ", as it becomes the event's id on the ledger"));
        }

        DateTimeOffset sentAt = default;
        if (string.IsNullOrEmpty(timestamp))
        {
            errors.Add(new FieldError(TimestampHeader, "is required"));
        }
        else if (!TryParseUnixSeconds(timestamp, out sentAt))
        {
            errors.Add(new FieldError(TimestampHeader, $"must be whole seconds since 1970-01-01T00:00:00Z; found \"{timestamp}\""));
        }

        if (string.IsNullOrEmpty(signatureHeader))
        {
            errors.Add(new FieldError(SignatureHeader, "is required"));
        }

        if (errors.Count > 0)
        {
            return Validated<VerifiedWebhook>.Invalid(errors);
        }

        var drift = sentAt - now;
        if (drift.Duration() > Tolerance)
        {
            errors.Add(new FieldError(
                TimestampHeader,
                $"must be within {Tolerance.TotalMinutes} minutes of the receiver's clock ({UtcTimestamp.Format(now)}); found {UtcTimestamp.Format(sentAt)}"));
        }

        var expected = new List<byte[]>(secrets.Count);
        foreach (var secret in secrets)
        {
            expected.Add(Mac(secret, id!, timestamp!, body));
        }

        var signatureError = CheckSignatures(signatureHeader!, expected);
        if (signatureError is not null)
        {
            errors.Add(new FieldError(SignatureHeader, signatureError));
        }

        return errors.Count > 0
            ? Validated<VerifiedWebhook>.Invalid(errors)
            : Validated<VerifiedWebhook>.Valid(new VerifiedWebhook(id!, sentAt));
    }

    // Null when one v1 entry matches one of the expected MACs; otherwise why none does.
    private static string? CheckSignatures(string signatureHeader, List<byte[]> expected)
    {
        var candidates = 0;
        Span<byte> decoded = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !entry.AsSpan(0, comma).SequenceEqual(SymmetricVersion))
            {
                continue;
            }

            candidates++;
            if (Convert.TryFromBase64String(entry[(comma + 1)..], decoded, out var length) && length == HMACSHA256.HashSizeInBytes)
            {
                foreach (var mac in expected)
                {
                    if (CryptographicOperations.FixedTimeEquals(decoded, mac))
                    {
                        return null;
                    }
                }
            }
        }

        return candidates == 0
            ? "must carry a v1 signature (space-separated entries such as v1,<base64>)"
            : "has no v1 signature that matches the body, webhook-id and webhook-timestamp under the supplier's secret"
                + (expected.Count > 1 ? " or, within a day of its rotation, its previous secret" : string.Empty);
    }

    private static bool TryParseUnixSeconds(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length > 12 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxUnixSeconds)
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static byte[] Mac(WebhookSecret secret, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret.Key);
        mac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        mac.AppendData(body);
        return mac.GetHashAndReset();
    }
}
