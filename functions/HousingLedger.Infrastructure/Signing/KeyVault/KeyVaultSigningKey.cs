using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// The production ledger key: one version of an EC P-256 key in Azure Key Vault, whose private half never leaves
/// the vault. Signing posts the digest to <c>{kid}/sign</c> (ES256) over the Key Vault REST API; the public half
/// is read once (<c>GET {kid}</c>) and every signature is checked against it before it is returned, so a wrong key
/// or a corrupted answer never reaches a block. Thread-safe.
/// </summary>
public sealed class KeyVaultSigningKey : ISigningKey
{
    /// <summary>The Key Vault REST API version this client speaks.</summary>
    public const string ServiceVersion = "2025-07-01";

    private const string Algorithm = "ES256";

    private readonly KeyVaultKeyUri key;
    private readonly HttpPipeline pipeline;
    private readonly Lock fetching = new();
    private Task<PublicSigningKey>? publicKey;

    /// <param name="key">The key version that signs; blocks name it as their kid.</param>
    /// <param name="credential">Who signs in to Key Vault (the app's managed identity in Azure).</param>
    /// <param name="options">Retries and transport; Azure's defaults when null.</param>
    public KeyVaultSigningKey(KeyVaultKeyUri key, TokenCredential credential, KeyVaultSigningKeyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(credential);
        this.key = key;
        pipeline = HttpPipelineBuilder.Build(
            options ?? new KeyVaultSigningKeyOptions(),
            perCallPolicies: [],
            perRetryPolicies: [new KeyVaultChallengePolicy(credential, key.Host)],
            new ResponseClassifier());
    }

    /// <summary>The versioned key URI.</summary>
    public string KeyId => key.ToString();

    /// <summary>The key version's public half, read from Key Vault on first use and kept; a failed read is tried again next time.</summary>
    /// <exception cref="RequestFailedException">Key Vault refused (the message names its status and error code).</exception>
    /// <exception cref="KeyVaultSigningException">The key is not EC P-256, or the answer is not usable.</exception>
    public Task<PublicSigningKey> GetPublicKeyAsync(CancellationToken cancellationToken = default)
    {
        lock (fetching)
        {
            // One read serves every caller; a caller's cancellation stops its wait, not the read.
            if (publicKey is null || publicKey.IsFaulted || publicKey.IsCanceled)
            {
                publicKey = FetchPublicKeyAsync();
            }

            return publicKey.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Has Key Vault sign <paramref name="sha256Digest"/> with ES256; returns the raw 64-byte <c>r‖s</c>.</summary>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    /// <exception cref="RequestFailedException">Key Vault refused, or stayed throttled or unavailable through every retry.</exception>
    /// <exception cref="KeyVaultSigningException">The answer is malformed or its signature does not verify under the key.</exception>
    public async Task<byte[]> SignDigestAsync(ReadOnlyMemory<byte> sha256Digest, CancellationToken cancellationToken = default)
    {
        if (sha256Digest.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"A SHA-256 digest is {SHA256.HashSizeInBytes} bytes; got {sha256Digest.Length}.", nameof(sha256Digest));
        }

        var publicHalf = await GetPublicKeyAsync(cancellationToken);
        var body = new JsonObject { ["alg"] = Algorithm, ["value"] = Base64Url.EncodeToString(sha256Digest.Span) };
        using var message = CreateMessage(RequestMethod.Post, "/sign", body);
        await pipeline.SendAsync(message, cancellationToken);
        var signature = KeyVaultAnswers.ReadSignature(Succeeded(message, "sign"), key);
        return publicHalf.VerifyDigest(sha256Digest.Span, signature)
            ? signature
            : throw new KeyVaultSigningException($"Key Vault's signature does not verify under the public key of {key}; it was not used.");
    }

    private async Task<PublicSigningKey> FetchPublicKeyAsync()
    {
        using var message = CreateMessage(RequestMethod.Get, string.Empty, body: null);
        await pipeline.SendAsync(message, CancellationToken.None);
        return KeyVaultAnswers.ReadPublicKey(Succeeded(message, "read the public key"), key);
    }

    private HttpMessage CreateMessage(RequestMethod method, string operationPath, JsonObject? body)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri($"{key}{operationPath}?api-version={ServiceVersion}"));
        request.Headers.Add(HttpHeader.Common.JsonAccept);
        if (body is not null)
        {
            request.Headers.Add(HttpHeader.Common.JsonContentType);
            request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        }

        return message;
    }

    private BinaryData Succeeded(HttpMessage message, string operation) =>
        message.Response.Status == 200 ? message.Response.Content : throw KeyVaultFailure.From(message.Response, operation, key);
}
