using Azure;
using Azure.Core;

namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// What a vault's 401 asks for: a token for <see cref="Scope"/> (its <c>resource</c> plus <c>/.default</c>, or its
/// <c>scope</c>) from the tenant in its <c>authorization</c> URI. Immutable.
/// </summary>
internal sealed record KeyVaultChallenge(string Scope, string? TenantId)
{
    private const string ChallengeHeader = "WWW-Authenticate";

    /// <summary>
    /// The Bearer challenge in <paramref name="response"/>, or null when it carries none with a resource or scope.
    /// </summary>
    /// <exception cref="KeyVaultSigningException">
    /// The challenge names a resource outside the vault's own domain (<c>vault.azure.net</c> for
    /// <c>*.vault.azure.net</c>): a token for it must not be requested, let alone sent.
    /// </exception>
    public static KeyVaultChallenge? Read(Response response, string vaultHost)
    {
        if (!response.Headers.TryGetValue(ChallengeHeader, out var header)
            || AuthenticateHeader.ParametersOf(header, "Bearer") is not { } bearer)
        {
            return null;
        }

        var scope = bearer.TryGetValue("resource", out var resource) ? resource.TrimEnd('/') + "/.default" : bearer.GetValueOrDefault("scope");
        if (scope is null)
        {
            return null;
        }

        RequireVaultDomain(scope, vaultHost);
        var authorization = bearer.GetValueOrDefault("authorization") ?? bearer.GetValueOrDefault("authorization_uri");
        return new KeyVaultChallenge(scope, TenantOf(authorization));
    }

    public TokenRequestContext TokenRequest(HttpMessage message) =>
        new([Scope], parentRequestId: message.Request.ClientRequestId, tenantId: TenantId);

    private static void RequireVaultDomain(string scope, string vaultHost)
    {
        var domain = vaultHost[(vaultHost.IndexOf('.', StringComparison.Ordinal) + 1)..];
        if (!Uri.TryCreate(scope, UriKind.Absolute, out var scopeUri)
            || scopeUri.Scheme != Uri.UriSchemeHttps
            || !string.Equals(scopeUri.IdnHost, domain, StringComparison.OrdinalIgnoreCase))
        {
            throw new KeyVaultSigningException(
                $"The vault {vaultHost} asked for a token for '{scope}', which is not its own domain https://{domain}; no token was requested or sent.");
        }
    }

    /// <summary>The tenant is the first path segment of <c>https://login.microsoftonline.com/{tenant}</c>.</summary>
    private static string? TenantOf(string? authorization) =>
        Uri.TryCreate(authorization, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 ? uri.Segments[1].TrimEnd('/') : null;
}
