using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Ledger;

/// <summary>
/// Reads ledger documents (blocks, transactions, receipts, JWKs, settled prices) with <see cref="JsonObjectReader"/>
/// under <see cref="JsonReadPolicy.Ledger"/>, once each is known to be one RFC 8785 can hash.
/// </summary>
internal static class LedgerDocument
{
    /// <summary>
    /// Reads <paramref name="document"/>, found at <paramref name="path"/>, with <paramref name="read"/>; its members
    /// may be only <paramref name="memberNames"/>, or any when that is null (a JWK).
    /// </summary>
    public static Validated<T> Read<T>(
        JsonNode? document, string path, IReadOnlyCollection<string>? memberNames, Func<JsonObjectReader, T?> read)
        where T : class
    {
        try
        {
            // Duplicate member names and lone surrogates only surface when a node is walked, and reading it as a
            // JsonElement would hide them; so would a value built in code that JCS cannot write.
            Jcs.CanonicalizeToString(document);
        }
        catch (ArgumentException unwritable)
        {
            return Validated<T>.Invalid(JsonReadPolicy.Ledger.ObjectPath(path), FieldMessages.Unwritable(unwritable.Message));
        }

        return JsonObjectReader.Read(JsonSerializer.SerializeToElement(document), path, JsonReadPolicy.Ledger, memberNames, read);
    }

    /// <summary>A SHA-256 hash as the ledger writes it: 64 lowercase hex digits.</summary>
    public static string? Hash(this JsonObjectReader reader, string name)
    {
        var text = reader.Text(name);
        if (text is null || LowercaseHex.IsSha256(text))
        {
            return text;
        }

        reader.Add(name, FieldMessages.Sha256);
        return null;
    }
}
