using System.Text.Json;
using HousingLedger.Values;

namespace HousingLedger.Validation;

/// <summary>
/// Reads the members of a request's JSON object, collecting one <see cref="FieldError"/> per problem so a client
/// hears about every wrong field at once. Members the request does not define are refused: a misspelt optional
/// field must not be silently ignored.
/// </summary>
public sealed class RequestFields
{
    private readonly JsonElement body;
    private readonly string prefix;
    private readonly List<FieldError> errors;

    private RequestFields(JsonElement body, string prefix, List<FieldError> errors)
    {
        this.body = body;
        this.prefix = prefix;
        this.errors = errors;
    }

    public IReadOnlyList<FieldError> Errors => errors;

    public bool IsValid => errors.Count == 0;

    /// <summary>Opens an object whose only members may be <paramref name="allowed"/>.</summary>
    public static RequestFields Open(JsonElement body, IReadOnlyCollection<string> allowed, string prefix = "")
    {
        var errors = new List<FieldError>();
        var fields = new RequestFields(body, prefix, errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(prefix.Length == 0 ? "body" : prefix, "must be a JSON object"));
            return fields;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in body.EnumerateObject())
        {
            if (!allowed.Contains(member.Name))
            {
                errors.Add(new FieldError(fields.PathOf(member.Name), "is not a field of this request; expected only " + string.Join(", ", allowed)));
            }
            else if (!seen.Add(member.Name))
            {
                errors.Add(new FieldError(fields.PathOf(member.Name), "appears more than once"));
            }
        }

        return fields;
    }

    public string PathOf(string name) => prefix.Length == 0 ? name : prefix + "." + name;

    public void Add(FieldError error) => errors.Add(error);

    public void AddRange(IEnumerable<FieldError> more) => errors.AddRange(more);

    /// <summary>A member's raw value, or null when it is absent or JSON null.</summary>
    public JsonElement? Element(string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? String(string name, int maxLength, bool required = true)
    {
        var value = Element(name);
        if (value is null)
        {
            return required ? Fail<string>(name, "is required") : null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            return Fail<string>(name, $"must be a string, not {Describe(value.Value)}");
        }

        if (!TryGetText(value.Value, out var text))
        {
            return Fail<string>(name, "must be valid Unicode text (it holds an unpaired surrogate escape)");
        }

        if (text.Length == 0 || text.Length > maxLength || text.Any(char.IsControl))
        {
            return Fail<string>(name, $"must be 1–{maxLength} characters with no control characters");
        }

        return text;
    }

    public string? Identifier(string name, bool required = true)
    {
        var text = String(name, Values.Identifier.MaxLength, required);
        return text is null || Values.Identifier.IsValid(text) ? text : Fail<string>(name, "must be " + Values.Identifier.Rule);
    }

    public long? Integer(string name, long minimum, long maximum, bool required = true)
    {
        var value = Element(name);
        if (value is null)
        {
            return required ? FailValue<long>(name, "is required") : null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt64(out var number) || number < minimum || number > maximum)
        {
            return FailValue<long>(name, $"must be a whole number from {minimum} to {maximum}");
        }

        return number;
    }

    /// <summary>An instant in UTC (<see cref="UtcTimestamp"/>); absent gives null with no error when optional.</summary>
    public DateTimeOffset? Instant(string name, bool required = false)
    {
        var text = String(name, 40, required);
        if (text is null)
        {
            return null;
        }

        return UtcTimestamp.TryParse(text, out var instant)
            ? instant
            : FailValue<DateTimeOffset>(name, "must be an ISO 8601 UTC instant such as 2026-03-01T09:30:00Z");
    }

    /// <summary>One of a closed set of lower-case words, e.g. a priority.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> choices, bool required = true)
    {
        var text = String(name, 64, required);
        return text is null || choices.Contains(text) ? text : Fail<string>(name, "must be one of " + string.Join(", ", choices));
    }

    public JsonElement? Object(string name, bool required = true)
    {
        var value = Element(name);
        if (value is null)
        {
            return required ? FailValue<JsonElement>(name, "is required") : null;
        }

        return value.Value.ValueKind == JsonValueKind.Object ? value : FailValue<JsonElement>(name, $"must be an object, not {Describe(value.Value)}");
    }

    private T? Fail<T>(string name, string message)
        where T : class
    {
        errors.Add(new FieldError(PathOf(name), message));
        return null;
    }

    private T? FailValue<T>(string name, string message)
        where T : struct
    {
        errors.Add(new FieldError(PathOf(name), message));
        return null;
    }

    /// <summary>
    /// A string's text; false for one holding an unpaired surrogate escape such as <c>"\ud800"</c>, which is valid
    /// JSON but not text, and which <see cref="JsonElement.GetString"/> would throw on.
    /// </summary>
    public static bool TryGetText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
