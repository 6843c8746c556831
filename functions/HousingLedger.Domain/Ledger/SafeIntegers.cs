using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// The one kind of JSON number a ledger body may hold (SPEC §3): a whole number that every JSON reader keeps
/// exactly, i.e. within the I-JSON safe range ±(2^53 − 1) of RFC 7493 §2.2. Money is integer pence and rates
/// are strings, so a fraction on the ledger is always a mistake, and a larger number would hash differently
/// after a round trip through a double.
/// </summary>
internal static class SafeIntegers
{
    public const long Largest = (1L << 53) - 1;

    public const string Rule = "a whole number between -9007199254740991 and 9007199254740991 (rates and other fractions are written as strings)";

    /// <summary>The path of the first number in <paramref name="node"/> that breaks the rule, or null if none does.</summary>
    public static string? FindViolation(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject members:
                return members.Select(m => FindViolation(m.Value, path + "." + m.Key)).FirstOrDefault(found => found is not null);
            case JsonArray items:
                return items.Select((item, i) => FindViolation(item, $"{path}[{i}]")).FirstOrDefault(found => found is not null);
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return IsSafeInteger(value.ToJsonString()) ? null : path;
            default:
                return null;
        }
    }

    private static bool IsSafeInteger(string written) =>
        decimal.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && decimal.Truncate(number) == number
        && Math.Abs(number) <= Largest;
}
