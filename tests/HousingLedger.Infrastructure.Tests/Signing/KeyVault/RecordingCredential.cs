using System.Collections.Concurrent;
using Azure.Core;

namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

/// <summary>A credential that hands out one token and records what it was asked for (scopes, tenant).</summary>
public sealed class RecordingCredential(string token) : TokenCredential
{
    public ConcurrentQueue<TokenRequestContext> Requests { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Requests.Enqueue(requestContext);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
