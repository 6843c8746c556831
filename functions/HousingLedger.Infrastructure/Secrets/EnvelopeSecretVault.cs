using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Values;
using HousingLedger.Webhooks;
using static HousingLedger.Infrastructure.Secrets.SealedSecretJson;

namespace HousingLedger.Infrastructure.Secrets;

/// <summary>
/// Webhook secrets on a developer's machine and in tests: envelope encryption. Each secret gets its own random
/// data key, which encrypts it (AES-256-GCM); the local <see cref="LocalKeyEncryptionKey"/> wraps the data key
/// (AES-256-GCM again). The state row holds
/// <c>{"envelope": {"kek": key id, "dataKey": base64 box, "secret": base64 box}}</c> (<see cref="AesGcmBox"/>), and
/// both boxes are bound to the supplier's id, so an envelope altered, or copied to another supplier's row, does not
/// open. Thread-safe.
/// </summary>
public sealed class EnvelopeSecretVault(LocalKeyEncryptionKey keyEncryptionKey) : IWebhookSecretVault
{
    private const string Kind = "envelope";

    public Task<JsonObject> SealAsync(SupplierId supplierId, WebhookSecret secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var dataKey = RandomNumberGenerator.GetBytes(AesGcmBox.KeySize);
        try
        {
            var secretBox = AesGcmBox.Seal(dataKey, Encoding.ASCII.GetBytes(secret.ToString()), AssociatedData("secret", supplierId));
            var keyBox = AesGcmBox.Seal(keyEncryptionKey.Key, dataKey, AssociatedData("data-key", supplierId));
            return Task.FromResult(new JsonObject
            {
                [Kind] = new JsonObject
                {
                    ["kek"] = keyEncryptionKey.Id,
                    ["dataKey"] = Convert.ToBase64String(keyBox),
                    ["secret"] = Convert.ToBase64String(secretBox),
                },
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public Task<WebhookSecret> OpenAsync(SupplierId supplierId, JsonObject sealedSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        var envelope = sealedSecret[Kind] as JsonObject
            ?? throw Unreadable(supplierId, "it is not a local envelope (was it kept in Key Vault? WebhookSecrets:KeyVaultUri is empty here)");
        var kek = Text(envelope, "kek");
        if (kek != keyEncryptionKey.Id)
        {
            throw Unreadable(supplierId, $"it was wrapped by local key {kek ?? "(none)"}, and this machine's key file is {keyEncryptionKey.Id}");
        }

        var dataKey = AesGcmBox.Open(keyEncryptionKey.Key, Base64(envelope, "dataKey", supplierId), AssociatedData("data-key", supplierId))
            ?? throw Unreadable(supplierId, "its data key does not authenticate: the row was altered, or belongs to another supplier");
        try
        {
            var plaintext = AesGcmBox.Open(dataKey, Base64(envelope, "secret", supplierId), AssociatedData("secret", supplierId))
                ?? throw Unreadable(supplierId, "its ciphertext does not authenticate: the row was altered, or belongs to another supplier");
            return WebhookSecret.TryParse(Encoding.ASCII.GetString(plaintext), out var secret)
                ? Task.FromResult(secret)
                : throw Unreadable(supplierId, "it does not hold a whsec_ secret");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    // Domain-separates the two boxes and binds both to their supplier.
    private static byte[] AssociatedData(string purpose, SupplierId supplierId) => Encoding.UTF8.GetBytes($"housingledger/webhook-secret/v1/{purpose}/{supplierId.Value}");

    private static byte[] Base64(JsonObject envelope, string name, SupplierId supplierId)
    {
        try
        {
            return Convert.FromBase64String(Text(envelope, name) ?? throw Unreadable(supplierId, $"it has no \"{name}\""));
        }
        catch (FormatException)
        {
            throw Unreadable(supplierId, $"its \"{name}\" is not base64");
        }
    }
}
