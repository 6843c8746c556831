using System.Security.Cryptography;
using System.Text;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Values;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions.Access;

/// <summary>
/// Issues and checks API keys. A key is shown once, when issued; only its SHA-256 is stored. The operator's key
/// comes from configuration (<c>Operator:ApiKey</c>).
/// </summary>
public sealed class ApiKeys(DirectoryStore directory, IOptions<OperatorOptions> operatorOptions)
{
    public async Task<string> IssueAsync(AssociationId associationId, ApiRole role, CancellationToken cancellationToken)
    {
        var key = NewKey();
        if (!await directory.TryAddApiKeyAsync(Hash(key), new ApiKeyEntry(associationId, role.ToString().ToLowerInvariant()), cancellationToken))
        {
            throw new InvalidOperationException("A freshly generated API key collided with an existing one.");
        }

        return key;
    }

    public async Task<Caller?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 200)
        {
            return null;
        }

        var operatorKey = operatorOptions.Value.ApiKey;
        if (!string.IsNullOrEmpty(operatorKey)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presentedKey), Encoding.UTF8.GetBytes(operatorKey)))
        {
            return OperatorCaller.Instance;
        }

        var entry = await directory.FindApiKeyAsync(Hash(presentedKey), cancellationToken);
        if (entry is null || !Enum.TryParse<ApiRole>(entry.Role, ignoreCase: true, out var role) || role == ApiRole.Operator)
        {
            return null;
        }

        return new AssociationCaller(entry.AssociationId, role);
    }

    /// <summary>A new key: <c>hlk_</c> and 256 random bits, base64url.</summary>
    private static string NewKey() => "hlk_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>The operator's settings (<c>Operator:*</c>).</summary>
public sealed class OperatorOptions
{
    public string ApiKey { get; set; } = string.Empty;
}
