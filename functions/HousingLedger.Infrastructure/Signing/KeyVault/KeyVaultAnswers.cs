using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// Reads Key Vault's successful answers: a key bundle (<c>{"key": {kid, kty, crv, x, y, …}, …}</c>) and a sign
/// result (<c>{"kid", "value"}</c>). Anything the ledger cannot use is a <see cref="KeyVaultSigningException"/>.
/// </summary>
internal static class KeyVaultAnswers
{
    private const int SignatureLength = 64;

    /// <summary>The public half of <paramref name="key"/>, with the versioned key URI as its kid.</summary>
    public static PublicSigningKey ReadPublicKey(BinaryData body, KeyVaultKeyUri key)
    {
        var jwk = Parse(body, key)["key"] as JsonObject ?? throw Unusable(key, "the key bundle has no \"key\" object");
        RequireNames(key, jwk["kid"]);
        var keyType = Text(jwk, "kty");
        var curve = Text(jwk, "crv");
        if (keyType is not ("EC" or "EC-HSM") || curve != "P-256")
        {
            throw Unusable(key, $"it is kty {keyType ?? "(none)"}, crv {curve ?? "(none)"}; ledger blocks are signed with EC P-256 (ES256)");
        }

        var published = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Text(jwk, "x"), ["y"] = Text(jwk, "y"), ["kid"] = key.ToString() };
        var read = PublicSigningKey.FromJwk(published);
        return read.IsValid
            ? read.Value
            : throw Unusable(key, "its public point is not usable: " + string.Join("; ", read.Errors.Select(e => $"{e.Field} {e.Message}")));
    }

    /// <summary>The raw 64-byte <c>r‖s</c> signature in a sign result for <paramref name="key"/>.</summary>
    public static byte[] ReadSignature(BinaryData body, KeyVaultKeyUri key)
    {
        var answer = Parse(body, key);
        RequireNames(key, answer["kid"]);
        var value = Text(answer, "value") ?? throw Unusable(key, "the sign result has no \"value\"");
        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException notBase64Url)
        {
            throw new KeyVaultSigningException($"Key Vault's signature for {key} is not base64url.", notBase64Url);
        }

        return signature.Length == SignatureLength
            ? signature
            : throw Unusable(key, $"its ES256 signature is {signature.Length} bytes, not the {SignatureLength} of raw r‖s");
    }

    private static JsonObject Parse(BinaryData body, KeyVaultKeyUri key)
    {
        try
        {
            return JsonNode.Parse(body.ToMemory().Span) as JsonObject ?? throw Unusable(key, "the answer is not a JSON object");
        }
        catch (JsonException notJson)
        {
            throw new KeyVaultSigningException($"Key Vault's answer for {key} is not JSON: {notJson.Message}", notJson);
        }
    }

    private static void RequireNames(KeyVaultKeyUri key, JsonNode? kid)
    {
        var named = kid?.GetValueKind() == JsonValueKind.String ? kid.GetValue<string>() : null;
        if (!key.Names(named))
        {
            throw Unusable(key, $"the answer is for kid '{named ?? "(none)"}'");
        }
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static KeyVaultSigningException Unusable(KeyVaultKeyUri key, string why) => new($"Key Vault's key {key} cannot sign ledger blocks: {why}.");
}
