using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

/// <summary>
/// Every ledger signing key ever used, as <c>/api/.well-known/jwks.json</c> publishes them:
/// <c>{"keys": [{"kty": "EC", "crv": "P-256", "x", "y", "kid"}, …]}</c>. Old keys stay, so old blocks keep
/// verifying after rotation. Immutable and thread-safe.
/// </summary>
public sealed class Jwks
{
    private readonly Dictionary<string, PublicSigningKey> byKeyId;

    /// <exception cref="ArgumentException">Two keys share a key id.</exception>
    public Jwks(IEnumerable<PublicSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = [.. keys];
        byKeyId = new Dictionary<string, PublicSigningKey>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (!byKeyId.TryAdd(key.KeyId, key))
            {
                throw new ArgumentException($"Key id '{key.KeyId}' appears twice; a kid names one key.", nameof(keys));
            }
        }
    }

    public IReadOnlyList<PublicSigningKey> Keys { get; }

    /// <summary>The key with id <paramref name="kid"/>, or null; fits where a verifier asks for a key lookup.</summary>
    public PublicSigningKey? Find(string kid) => byKeyId.GetValueOrDefault(kid);

    /// <summary>Reads a key set; every key must be a P-256 key (see <see cref="PublicSigningKey.FromJwk"/>) with its own kid.</summary>
    public static Validated<Jwks> FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json["keys"] is not JsonArray items)
        {
            return Validated<Jwks>.Invalid("keys", "is required and must be a JSON array of keys");
        }

        var errors = new List<FieldError>();
        var keys = new List<PublicSigningKey>();
        for (var i = 0; i < items.Count; i++)
        {
            var key = PublicSigningKey.ReadJwk(items[i], $"keys[{i}]");
            if (!key.IsValid)
            {
                errors.AddRange(key.Errors);
            }
            else if (keys.Any(k => k.KeyId == key.Value.KeyId))
            {
                errors.Add(new FieldError($"keys[{i}].kid", $"'{key.Value.KeyId}' names an earlier key too; a kid names one key"));
            }
            else
            {
                keys.Add(key.Value);
            }
        }

        return errors.Count == 0 ? Validated<Jwks>.Valid(new Jwks(keys)) : Validated<Jwks>.Invalid(errors);
    }

    public JsonObject ToJson() => new() { ["keys"] = new JsonArray([.. Keys.Select(k => (JsonNode)k.ToJwk())]) };
}
