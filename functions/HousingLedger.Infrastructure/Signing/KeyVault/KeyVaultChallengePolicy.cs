using Azure.Core;
using Azure.Core.Pipeline;

namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// Key Vault's challenge-based authentication. Until the vault has answered once, requests go without a token;
/// its 401 names the token it accepts (<see cref="KeyVaultChallenge"/>), which is checked to belong to the vault's
/// own domain before the credential is asked for it, and the request is sent again with it. Later requests carry
/// the token from the start; the base class caches and refreshes it. The signer's first request is always the
/// bodiless key read, so no digest travels before the vault has named the token it trusts. One policy serves one
/// vault. Asynchronous sends only.
/// </summary>
internal sealed class KeyVaultChallengePolicy(TokenCredential credential, string vaultHost)
    : BearerTokenAuthenticationPolicy(credential, [])
{
    private volatile KeyVaultChallenge? challenge;

    protected override ValueTask AuthorizeRequestAsync(HttpMessage message) =>
        challenge is { } known ? AuthenticateAndAuthorizeRequestAsync(message, known.TokenRequest(message)) : ValueTask.CompletedTask;

    protected override async ValueTask<bool> AuthorizeRequestOnChallengeAsync(HttpMessage message)
    {
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
