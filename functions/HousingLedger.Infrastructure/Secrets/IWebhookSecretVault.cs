using System.Text.Json.Nodes;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Infrastructure.Secrets;

/// <summary>
/// Where suppliers' webhook secrets are kept, so that the state table never holds one in plain text: Azure Key
/// Vault in production (<see cref="KeyVault.KeyVaultSecretVault"/>), an envelope under a local key file on a
/// developer's machine and in tests (<see cref="EnvelopeSecretVault"/>). What <see cref="SealAsync"/> returns is
/// what the state row holds instead of the secret. Implementations are thread-safe.
/// </summary>
public interface IWebhookSecretVault
{
    /// <summary>Keeps <paramref name="secret"/> for <paramref name="supplierId"/>; returns the sealed form to store in its place.</summary>
    Task<JsonObject> SealAsync(SupplierId supplierId, WebhookSecret secret, CancellationToken cancellationToken = default);

    /// <summary>The secret that <paramref name="sealedSecret"/>, as <see cref="SealAsync"/> returned it for <paramref name="supplierId"/>, stands for.</summary>
    /// <exception cref="InvalidDataException">
    /// It was not sealed for this supplier by this kind of vault, or it was altered: nothing is returned from it.
    /// </exception>
    Task<WebhookSecret> OpenAsync(SupplierId supplierId, JsonObject sealedSecret, CancellationToken cancellationToken = default);
}
