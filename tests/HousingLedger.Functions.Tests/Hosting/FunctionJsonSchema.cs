using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;
using NCrontab;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>
/// Checks a function.json against testdata/Hosting/function-json-schema.json, plus what data cannot say:
/// route syntax and timer schedules. Returns every problem found, each naming the function and property.
/// </summary>
internal sealed class FunctionJsonSchema
{
    private static readonly string[] ReservedRoutePrefixes = ["admin", "runtime"];
    private readonly JsonObject schema;

    private FunctionJsonSchema(JsonObject schema) => this.schema = schema;

    public static FunctionJsonSchema Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "Hosting", "function-json-schema.json")))!.AsObject());

    public IReadOnlyList<string> Check(string functionName, JsonNode? document)
    {
        var problems = new List<string>();
        if (!Regex.IsMatch(functionName, schema["functionName"]!.GetValue<string>()))
        {
            problems.Add($"{functionName}: not a valid function name");
        }

        if (document?["bindings"] is not JsonArray bindings || bindings.Count == 0)
        {
            return [.. problems, $"{functionName}: no bindings array"];
        }

        var types = new List<string>();
        foreach (var binding in bindings)
        {
            if (binding is not JsonObject properties || properties["type"]?.GetValueKind() != JsonValueKind.String)
            {
                problems.Add($"{functionName}: a binding without a type");
                continue;
            }

            var type = properties["type"]!.GetValue<string>();
            types.Add(type);
            problems.AddRange(CheckBinding(functionName, type, properties));
        }

        var triggers = types.Where(t => schema["bindings"]![t]?["trigger"]?.GetValue<bool>() == true).ToList();
        if (triggers.Count != 1)
        {
            problems.Add($"{functionName}: {triggers.Count} triggers, want exactly 1");
        }

        foreach (var trigger in triggers)
        {
            if (schema["bindings"]![trigger]!["requiresOutput"]?.GetValue<string>() is { } output && !types.Contains(output))
            {
                problems.Add($"{functionName}: {trigger} without its '{output}' output binding");
            }
        }

        return problems;
    }

    private IEnumerable<string> CheckBinding(string functionName, string type, JsonObject binding)
    {
        if (schema["bindings"]![type] is not JsonObject rules)
        {
            yield return $"{functionName}: unknown binding type '{type}'";
            yield break;
        }

        var required = rules["required"]!.AsObject();
        var optional = rules["optional"]!.AsObject();
        foreach (var (property, kind) in required)
        {
            if (!binding.ContainsKey(property))
            {
                yield return $"{functionName}.{type}: required '{property}' is missing";
            }
        }

        foreach (var (property, value) in binding)
        {
            var expectedKind = required[property] ?? optional[property];
            if (expectedKind is null)
            {
                yield return $"{functionName}.{type}: '{property}' is not a {type} property";
                continue;
            }

            if (JsonKind(value) != expectedKind.GetValue<string>())
            {
                yield return $"{functionName}.{type}.{property}: is {JsonKind(value)}, want {expectedKind}";
                continue;
            }

            foreach (var problem in CheckValue(rules, property, value!))
            {
                yield return $"{functionName}.{type}.{property}: {problem}";
            }
        }

        if (binding["direction"]?.ToString() != rules["direction"]!.GetValue<string>())
        {
            yield return $"{functionName}.{type}: direction is '{binding["direction"]}', want '{rules["direction"]}'";
        }

        if (binding["name"] is { } name && !Regex.IsMatch(name.ToString(), schema["bindingName"]!.GetValue<string>()))
        {
            yield return $"{functionName}.{type}: binding name '{name}' is not an identifier";
        }

        if (type == "httpTrigger" && binding["route"] is { } route && RouteProblem(route.GetValue<string>()) is { } routeProblem)
        {
            yield return $"{functionName}.route '{route}': {routeProblem}";
        }

        if (type == "timerTrigger" && binding["schedule"] is { } schedule && ScheduleProblem(schedule.GetValue<string>()) is { } scheduleProblem)
        {
            yield return $"{functionName}.schedule '{schedule}': {scheduleProblem}";
        }
    }

    private static IEnumerable<string> CheckValue(JsonObject rules, string property, JsonNode value)
    {
        var values = value is JsonArray array ? array.Select(v => v!) : [value];
        if (rules["allowed"]?[property] is JsonArray allowed)
        {
            foreach (var item in values.Where(v => !allowed.Any(a => JsonNode.DeepEquals(a, v))))
            {
                yield return $"{item.ToJsonString()} is not one of {allowed.ToJsonString()}";
            }
        }

        if (rules["patterns"]?[property] is { } pattern && !Regex.IsMatch(value.ToString(), pattern.GetValue<string>()))
        {
            yield return $"'{value}' does not match {pattern}";
        }
    }

    private static string JsonKind(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.Number => "number",
        _ => "null",
    };

    private static string? RouteProblem(string route)
    {
        if (route.Length == 0 || route.StartsWith('/') || route.EndsWith('/') || route.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
        {
            return "must be non-empty, without leading or trailing '/', and leave the 'api/' prefix to the host";
        }

        if (ReservedRoutePrefixes.Any(p => route.Equals(p, StringComparison.OrdinalIgnoreCase) || route.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase)))
        {
            return "is reserved by the Functions host";
        }

        try
        {
            RoutePatternFactory.Parse(route);
            return null;
        }
        catch (RoutePatternException ex)
        {
            return ex.Message;
        }
    }

    private static string? ScheduleProblem(string schedule)
    {
        if (Regex.IsMatch(schedule, "^%[A-Za-z][A-Za-z0-9_.:-]*%$") && !schedule.Contains("__", StringComparison.Ordinal))
        {
            return null;
        }

        return CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null
            ? "neither an app-setting reference %Name% (without '__') nor a six-field NCRONTAB expression"
            : null;
    }
}
