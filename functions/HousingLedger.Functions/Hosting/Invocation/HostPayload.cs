using System.Globalization;
using System.Text.Json;
using HousingLedger.Functions.Hosting.Catalog;
using HousingLedger.Validation;

namespace HousingLedger.Functions.Hosting.Invocation;

/// <summary>
/// Reads the Functions host's invocation payload, <c>{"Data": {binding: value}, "Metadata": {...}}</c>, defensively.
/// The host serialises each trigger value and metadata entry that is not an object a second time, so a queue
/// message arrives as a JSON string holding JSON-encoded text, <c>DequeueCount</c> as <c>"1"</c> and <c>Id</c>
/// with its own quotes; other hosts and tools send them plainly. Both are read, names in any case.
/// </summary>
internal static class HostPayload
{
    public static Validated<QueueMessage> ReadQueueMessage(JsonElement payload)
    {
        var data = Property(payload, "Data");
        if (data is not { ValueKind: JsonValueKind.Object })
        {
            return Validated<QueueMessage>.Invalid("Data", "An invocation carries a Data object with the trigger value.");
        }

        var field = "Data." + FunctionNaming.QueueBinding;
        if (Property(data.Value, FunctionNaming.QueueBinding) is not { } value || value.ValueKind is JsonValueKind.Null)
        {
            return Validated<QueueMessage>.Invalid(field, "The queue message is missing.");
        }

        var metadata = Property(payload, "Metadata") is { ValueKind: JsonValueKind.Object } m ? m : (JsonElement?)null;
        var dequeueCount = 1L;
        if (metadata is { } meta && Property(meta, "DequeueCount") is { } count && !TryReadCount(count, out dequeueCount))
        {
            return Validated<QueueMessage>.Invalid("Metadata.DequeueCount", $"'{count.GetRawText()}' is not a positive count.");
        }

        var body = value.ValueKind == JsonValueKind.String ? UnwrapString(value.GetString()!) : value.GetRawText();
        var id = metadata is { } withId && Property(withId, "Id") is { ValueKind: JsonValueKind.String } idValue ? UnwrapString(idValue.GetString()!) : string.Empty;
        var insertedOn = metadata is { } withTime ? ReadInstant(Property(withTime, "InsertionTime")) : null;
        return Validated<QueueMessage>.Valid(new QueueMessage(id, body, dequeueCount, insertedOn));
    }

    /// <summary>
    /// The tick: <c>ScheduleStatus.Next</c> is the occurrence being run (the host updates it after the run); without
    /// a schedule status (monitoring off), the host's <c>sys.UtcNow</c>, else <paramref name="receivedAt"/>.
    /// </summary>
    public static Validated<TimerTick> ReadTimerTick(JsonElement payload, DateTimeOffset receivedAt)
    {
        var data = Property(payload, "Data");
        if (data is not { ValueKind: JsonValueKind.Object })
        {
            return Validated<TimerTick>.Invalid("Data", "An invocation carries a Data object with the trigger value.");
        }

        var field = "Data." + FunctionNaming.TimerBinding;
        if (Property(data.Value, FunctionNaming.TimerBinding) is not { } value || ReadObject(value) is not { } timer)
        {
            return Validated<TimerTick>.Invalid(field, "The timer value is missing or is not an object.");
        }

        var status = Property(timer, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } s ? s : (JsonElement?)null;
        var sys = Property(payload, "Metadata") is { ValueKind: JsonValueKind.Object } metadata ? Property(metadata, "sys") : null;
        var scheduledAt = ReadInstant(status is { } st ? Property(st, "Next") : null)
            ?? ReadInstant(sys is { ValueKind: JsonValueKind.Object } sy ? Property(sy, "UtcNow") : null)
            ?? receivedAt;
        return Validated<TimerTick>.Valid(new TimerTick(scheduledAt, ReadFlag(Property(timer, "IsPastDue"))));
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>The text inside a second layer of JSON string encoding, or the text itself when there is none.</summary>
    private static string UnwrapString(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    private static JsonElement? ReadObject(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            using var inner = JsonDocument.Parse(UnwrapString(value.GetString()!));
            return inner.RootElement.ValueKind == JsonValueKind.Object ? inner.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadCount(JsonElement value, out long count)
    {
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out var number) ? number : (long?)null,
            JsonValueKind.String => long.TryParse(UnwrapString(value.GetString()!).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
            _ => null,
        };
        count = parsed ?? 0;
        return count > 0;
    }

    private static DateTimeOffset? ReadInstant(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } text
        && DateTimeOffset.TryParse(UnwrapString(text.GetString()!), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    private static bool ReadFlag(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } text => bool.TryParse(UnwrapString(text.GetString()!), out var flag) && flag,
        _ => false,
    };
}
