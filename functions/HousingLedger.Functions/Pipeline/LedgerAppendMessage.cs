using System.Text.Json;
using HousingLedger.Values;

namespace HousingLedger.Functions.Pipeline;

/// <summary>The <c>ledger-append</c> queue message: <c>{"chain": "…"}</c>, a request to drain that chain's outbox.</summary>
public static class LedgerAppendMessage
{
    public static string Write(string chain) => JsonSerializer.Serialize(new { chain });

    /// <summary>The chain named by a message, or null for a message that names none validly.</summary>
    public static string? ReadChain(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("chain", out var chain)
                && chain.ValueKind == JsonValueKind.String
                && Identifier.IsValid(chain.GetString())
                ? chain.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
