using System.Text.Json;
using Azure;

namespace HousingLedger.Infrastructure.Signing.KeyVault;

/// <summary>
/// Turns Key Vault's refusal (<c>{"error": {"code", "message", "innererror": {"code"}}}</c>) into a
/// <see cref="RequestFailedException"/> whose message names the operation, the key, the status and Key Vault's
/// error codes and message, so an operator can act on the log line alone.
/// </summary>
internal static class KeyVaultFailure
{
    public static RequestFailedException From(Response response, string operation, KeyVaultKeyUri key)
    {
        var (code, innerCode, detail) = ReadError(response.Content);
        var codes = innerCode is null ? code : $"{code} ({innerCode})";
        var message = $"Key Vault refused to {operation} with {key}: {response.Status} {response.ReasonPhrase}"
            + (codes is null ? string.Empty : $", {codes}")
            + (detail is null ? string.Empty : $": {detail}");
        return new RequestFailedException(response.Status, message, code, innerException: null);
    }

    private static (string? Code, string? InnerCode, string? Message) ReadError(BinaryData? body)
    {
        try
        {
            using var document = JsonDocument.Parse(body?.ToMemory() ?? ReadOnlyMemory<byte>.Empty);
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var inner = error.TryGetProperty("innererror", out var innerError) && innerError.ValueKind == JsonValueKind.Object ? TextOf(innerError, "code") : null;
            return (TextOf(error, "code"), inner, TextOf(error, "message"));
        }
        catch (JsonException)
        {
            // Not Key Vault's error document (a gateway's page, an empty body): the status says what there is.
            return (null, null, null);
        }
    }

    private static string? TextOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
