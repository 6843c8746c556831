using HousingLedger.Infrastructure.State;
using HousingLedger.Values;
using HousingLedger.Webhooks;

namespace HousingLedger.Infrastructure.Secrets;

/// <summary>
/// The webhook secrets a supplier's webhooks are signed with at an instant, opened from where they are kept: the
/// current one, and within a day of a rotation the previous one (<see cref="RotatingSecret{TSecret}"/>).
/// </summary>
public sealed class SupplierWebhookSecrets(SupplierSecretStore rows, IWebhookSecretVault vault)
{
    /// <summary>The secrets valid at <paramref name="now"/>, the current one first; null when there is no such supplier.</summary>
    /// <exception cref="InvalidDataException">A stored secret cannot be opened (see <see cref="IWebhookSecretVault.OpenAsync"/>).</exception>
    public async Task<IReadOnlyList<WebhookSecret>?> ValidAtAsync(SupplierId supplierId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (await rows.GetAsync(supplierId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var secrets = new List<WebhookSecret>();
        foreach (var sealedSecret in stored.Secret.ValidAt(now))
        {
            secrets.Add(await vault.OpenAsync(supplierId, sealedSecret, cancellationToken));
        }

        return secrets;
    }
}
