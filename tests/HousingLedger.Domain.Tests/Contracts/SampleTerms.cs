using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Contracts;

/// <summary>The contract of SPEC §4 with three items, as a client would send it, and ways to send it changed.</summary>
internal static class SampleTerms
{
    public const string Json = """
        {
          "title": "Cooker and oven replacement framework 2026",
          "supplierId": "sup_cookers01",
          "starts": "2026-01-01", "ends": "2027-12-31",
          "vatRate": "0.20",
          "items": [
            {"code": "OVEN-600-SINGLE", "description": "Supply and fit 60 cm electric single oven, make and model as schedule", "unitPrice": 34500},
            {"code": "HOB-600-CERAMIC", "description": "Supply and fit 60 cm ceramic hob", "unitPrice": 21000},
            {"code": "COOKER-HOOD", "description": "Supply and fit extractor hood", "unitPrice": 15500}
          ],
          "timescales": {"emergency": "PT24H", "urgent": "P7D", "routine": "P28D"},
          "volumeDiscount": {"tiers": [{"minUnits": 1, "rate": "0"}, {"minUnits": 101, "rate": "0.05"}, {"minUnits": 501, "rate": "0.08"}]},
          "latePenalty": {"window": "P12M", "threshold": "0.10", "reduction": "0.20"}
        }
        """;

    public static ContractTerms Terms() => ParseText(Json).Value;

    public static JsonObject Body() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>Parses the sample after <paramref name="change"/> has been made to it.</summary>
    public static Validated<ContractTerms> ParseWith(Action<JsonObject> change)
    {
        var body = Body();
        change(body);
        return ContractTermsParser.Parse(JsonSerializer.SerializeToElement(body));
    }

    /// <summary>Parses the sample with the member at <paramref name="path"/> (e.g. <c>items[2].unitPrice</c>) set to <paramref name="value"/>.</summary>
    public static Validated<ContractTerms> ParseWith(string path, JsonNode? value) => ParseWith(body => Set(body, path, value));

    /// <summary>Parses the sample without the member at <paramref name="path"/>.</summary>
    public static Validated<ContractTerms> ParseWithout(string path) => ParseWith(body =>
    {
        var (parent, name) = Locate(body, path);
        parent.AsObject().Remove(name);
    });

    /// <summary>Parses raw text, for what a <see cref="JsonObject"/> cannot hold (repeated members, odd number forms).</summary>
    public static Validated<ContractTerms> ParseText(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ContractTermsParser.Parse(document.RootElement.Clone());
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var (parent, name) = Locate(body, path);
        parent.AsObject()[name] = value;
    }

    // Walks "a.b[2].c" to the object holding the last member.
    private static (JsonNode Parent, string Name) Locate(JsonObject body, string path)
    {
        var steps = path.Split('.');
        JsonNode node = body;
        foreach (var step in steps[..^1])
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0
                ? node[step]!
                : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return (node, steps[^1]);
    }
}
