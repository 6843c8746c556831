using Azure.Core;
using Azure.Core.Pipeline;

namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// Key Vault's challenge-based authentication. Until the vault has answered once, requests go without a token
/// and without their body; its 401 names the token it accepts (<see cref="KeyVaultChallenge"/>), which is checked
/// to belong to the vault's own domain before the credential is asked for it, and the request is sent again with
/// it. Later requests carry the token from the start; the base class caches and refreshes it. One policy serves one
/// vault. Asynchronous sends only.
/// </summary>
internal sealed class KeyVaultChallengePolicy(TokenCredential credential, string vaultHost)
    : BearerTokenAuthenticationPolicy(credential, [])
{
    private const string WithheldContent = "HousingLedger.KeyVault.WithheldContent";

    private volatile KeyVaultChallenge? challenge;

    protected override ValueTask AuthorizeRequestAsync(HttpMessage message)
    {
        if (challenge is { } known)
        {
            return AuthenticateAndAuthorizeRequestAsync(message, known.TokenRequest(message));
        }

        // The body waits for a request that carries a token; a retry of this message finds it put aside already.
        if (message.Request.Content is { } content)
        {
            message.SetProperty(WithheldContent, content);
            message.Request.Content = null;
        }

        return ValueTask.CompletedTask;
    }

    protected override async ValueTask<bool> AuthorizeRequestOnChallengeAsync(HttpMessage message)
    {
        if (message.Request.Content is null && message.TryGetProperty(WithheldContent, out var withheld))
        {
            message.Request.Content = (RequestContent?)withheld;
        }

        var offered = KeyVaultChallenge.Read(message.Response, vaultHost);
        if (offered is null)
        {
            // No usable challenge: the 401 stands and becomes the caller's error.
            return false;
        }

        challenge = offered;
        await AuthenticateAndAuthorizeRequestAsync(message, offered.TokenRequest(message));
        return true;
    }

    protected override void AuthorizeRequest(HttpMessage message) => throw SynchronousSend();

    protected override bool AuthorizeRequestOnChallenge(HttpMessage message) => throw SynchronousSend();

    private static NotSupportedException SynchronousSend() => new("The Key Vault signer sends asynchronously only.");
}
