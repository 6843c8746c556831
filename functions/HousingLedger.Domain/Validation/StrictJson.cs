using System.Text.Json;
using System.Text.Json.Nodes;

namespace HousingLedger.Validation;

/// <summary>
/// JSON as ledger documents and the files an auditor is handed are parsed: a member given twice makes the text
/// malformed, rather than one of the two silently winning.
/// </summary>
public static class StrictJson
{
    public static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <summary>Parses <paramref name="utf8"/>; false, with the parser's reason, when it is not one JSON value.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out JsonNode? node, out string reason)
    {
        try
        {
            node = JsonNode.Parse(utf8, documentOptions: Options);
            reason = string.Empty;
            return true;
        }
        catch (Exception malformed) when (malformed is JsonException or InvalidOperationException)
        {
            // The duplicate-member check throws InvalidOperationException for a member name with a lone surrogate.
            node = null;
            reason = malformed.Message;
            return false;
        }
    }
}
