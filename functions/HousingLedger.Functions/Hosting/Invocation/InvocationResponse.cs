using System.Text.Json;
using System.Text.Json.Serialization;

namespace HousingLedger.Functions.Hosting.Invocation;

/// <summary>The custom-handler response payload. This app's queue and timer functions have no output bindings.</summary>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    /// <summary>Fixed options, so the app's own JSON settings never change the host's contract.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.General);

    public static InvocationResponse Succeeded { get; } = new(new Dictionary<string, object?>(), [], null);

    public static InvocationResponse Failed(string functionName, Exception failure) =>
        new(new Dictionary<string, object?>(), [$"{functionName} failed: {failure.GetType().Name}: {failure.Message}"], null);
}
