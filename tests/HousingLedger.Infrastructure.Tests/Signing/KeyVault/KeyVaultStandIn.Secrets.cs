using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HousingLedger.Infrastructure.Tests.Signing.KeyVault;

/// <summary>
/// The stand-in's secrets, after Key Vault's documented REST contract: <c>PUT /secrets/{name}</c> with
/// <c>{"value", "contentType"?, "tags"?}</c> creates a version and answers the secret bundle
/// (<c>{"value", "id": ".../secrets/{name}/{version}", "contentType", "tags", "attributes"}</c>);
/// <c>GET /secrets/{name}/{version}</c> answers that version's bundle, or 404 <c>SecretNotFound</c>.
/// </summary>
public sealed partial class KeyVaultStandIn
{
    private readonly ConcurrentDictionary<string, StoredSecret> secrets = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether writing and reading secrets is refused with 403, as without a secrets role.</summary>
    public bool ForbidSecrets { get; set; }

    /// <summary>The value of secret <paramref name="name"/> at <paramref name="version"/>, as the vault holds it; null when there is none.</summary>
    public string? SecretValue(string name, string version) => secrets.TryGetValue($"{name}/{version}", out var stored) ? stored.Value : null;

    /// <summary>The tags written with secret <paramref name="name"/> at <paramref name="version"/>.</summary>
    public JsonObject? SecretTags(string name, string version) => secrets.TryGetValue($"{name}/{version}", out var stored) ? stored.Tags : null;

    private async Task AnswerSecretAsync(HttpContext context, string[] segments)
    {
        if (ForbidSecrets)
        {
            await ErrorAsync(context, 403, "Forbidden", "Caller is not authorized to perform action on resource. Action: 'Microsoft.KeyVault/vaults/secrets/setSecret/action'", innerCode: "ForbiddenByRbac");
            return;
        }

        if (segments is ["secrets", var name] && HttpMethods.IsPut(context.Request.Method))
        {
            await WriteSecretAsync(context, name);
        }
        else if (segments is ["secrets", var secretName, var version] && HttpMethods.IsGet(context.Request.Method))
        {
            await ReadSecretAsync(context, secretName, version);
        }
        else
        {
            await ErrorAsync(context, 400, "BadParameter", $"{context.Request.Method} {context.Request.Path} is not an operation of this stand-in.");
        }
    }

    private async Task WriteSecretAsync(HttpContext context, string name)
    {
        var body = await ReadBodyAsync(context) as JsonObject;
        if (body?["value"] is not JsonValue value)
        {
            await ErrorAsync(context, 400, "BadParameter", "A secret is written as {\"value\": \"...\"}.");
            return;
        }

        var version = Guid.NewGuid().ToString("N");
        var stored = new StoredSecret(value.GetValue<string>(), (string?)body["contentType"], body["tags"]?.DeepClone() as JsonObject);
        secrets[$"{name}/{version}"] = stored;
        await context.Response.WriteAsJsonAsync(Bundle(name, version, stored));
    }

    private async Task ReadSecretAsync(HttpContext context, string name, string version)
    {
        if (!secrets.TryGetValue($"{name}/{version}", out var found))
        {
            await ErrorAsync(context, 404, "SecretNotFound", $"A secret with (name/id) {name}/{version} was not found in this key vault.");
            return;
        }

        await context.Response.WriteAsJsonAsync(Bundle(name, version, found));
    }

    private static JsonObject Bundle(string name, string version, StoredSecret stored) => new()
    {
        ["value"] = stored.Value,
        ["id"] = $"https://{VaultHost}/secrets/{name}/{version}",
        ["contentType"] = stored.ContentType,
        ["tags"] = stored.Tags?.DeepClone(),
        ["attributes"] = new JsonObject { ["enabled"] = true, ["recoveryLevel"] = "Recoverable+Purgeable" },
    };

    private sealed record StoredSecret(string Value, string? ContentType, JsonObject? Tags);
}
