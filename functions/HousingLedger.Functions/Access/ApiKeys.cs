using System.Security.Cryptography;
using System.Text;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.State;
using HousingLedger.Values;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions.Access;

/// <summary>
/// Checks the API key a request presents. Nothing is cached: a revoked key, or a key of an association the operator
/// has suspended, is refused on the very next request. The operator's key comes from configuration
/// (<c>Operator:ApiKey</c>); associations' keys are issued by <see cref="KeyManagement"/> and stored as SHA-256.
/// </summary>
public sealed class ApiKeys(ApiKeyStore store, PartyStore parties, IOptions<OperatorOptions> operatorOptions)
{
    /// <summary>The longest key presented that is looked up at all; issued keys are 48 characters.</summary>
    private const int MaxKeyLength = 200;

    public async Task<Authentication> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > MaxKeyLength)
        {
            return new Authentication.Unknown();
        }

        var operatorKey = operatorOptions.Value.ApiKey;
        if (!string.IsNullOrEmpty(operatorKey)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presentedKey), Encoding.UTF8.GetBytes(operatorKey)))
        {
            return new Authentication.Known(OperatorCaller.Instance);
        }

        var entry = await store.FindAsync(Hash(presentedKey), cancellationToken);
        if (entry is null || ApiRoles.Parse(entry.Role) is not { } role)
        {
            return new Authentication.Unknown();
        }

        return await parties.IsSuspendedAsync(entry.AssociationId, cancellationToken)
            ? new Authentication.Suspended(entry.AssociationId)
            : new Authentication.Known(new AssociationCaller(entry.AssociationId, role));
    }

    /// <summary>A new key: <c>hlk_</c> and 256 random bits, base64url.</summary>
    internal static string NewKey() => "hlk_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>Who presented a key, or why it was refused.</summary>
public abstract record Authentication
{
    private Authentication()
    {
    }

    public sealed record Known(Caller Caller) : Authentication;

    /// <summary>No key, or one nobody was issued or that was revoked.</summary>
    public sealed record Unknown : Authentication;

    /// <summary>A live key of an association the operator has suspended.</summary>
    public sealed record Suspended(AssociationId AssociationId) : Authentication;
}

/// <summary>The operator's settings (<c>Operator:*</c>).</summary>
public sealed class OperatorOptions
{
    public string ApiKey { get; set; } = string.Empty;
}
