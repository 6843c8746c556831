using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Ledger;

/// <summary>
/// Reads the members of one ledger JSON object, collecting a <see cref="FieldError"/> per problem under the
/// object's path (<c>transactions[2].eventId</c>), so a reader can report every fault at once. Ledger objects
/// are closed: a member the format does not name is an error, because it would be dropped from the hash.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonObject members;
    private readonly string path;
    private readonly List<FieldError> errors;

    private JsonObjectReader(JsonObject members, string path, List<FieldError> errors)
    {
        this.members = members;
        this.path = path;
        this.errors = errors;
    }

    /// <summary>
    /// A reader for the closed ledger object <paramref name="node"/> whose only members are
    /// <paramref name="memberNames"/>, or null (with an error) when it is not an object JCS can write.
    /// </summary>
    public static JsonObjectReader? Open(JsonNode? node, string path, List<FieldError> errors, params string[] memberNames)
    {
        var reader = OpenExtensible(node, path, errors);
        foreach (var name in reader?.members.Select(m => m.Key).Where(name => !memberNames.Contains(name, StringComparer.Ordinal)) ?? [])
        {
            errors.Add(new FieldError(Join(path, name), $"is not a member of this object; expected only {string.Join(", ", memberNames)}"));
        }

        return reader;
    }

    /// <summary>
    /// A reader for an object whose format lets others add members the reader ignores (a JWK), or null (with an
    /// error) when it is not an object JCS can write.
    /// </summary>
    public static JsonObjectReader? OpenExtensible(JsonNode? node, string path, List<FieldError> errors)
    {
        if (node is not JsonObject members)
        {
            errors.Add(new FieldError(PathOrRoot(path), "must be a JSON object"));
            return null;
        }

        try
        {
            // Duplicate member names and lone surrogates only surface when the object is walked.
            Jcs.Canonicalize(members);
        }
        catch (ArgumentException unhashable)
        {
            errors.Add(new FieldError(PathOrRoot(path), "cannot be written as RFC 8785 canonical JSON: " + unhashable.Message));
            return null;
        }

        return new JsonObjectReader(members, path, errors);
    }

    /// <summary>Runs a reader that collects errors, and makes its outcome a result.</summary>
    public static Validated<T> Validate<T>(Func<List<FieldError>, T?> read)
        where T : class
    {
        var errors = new List<FieldError>();
        var value = read(errors);
        return value is not null && errors.Count == 0 ? Validated<T>.Valid(value) : Validated<T>.Invalid(errors);
    }

    public string PathOf(string name) => Join(path, name);

    public JsonNode? Node(string name) => members[name];

    public string? String(string name)
    {
        if (members[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (text.Length > 0)
            {
                return text;
            }
        }

        return Fail<string>(name, "must be a non-empty string");
    }

    public string? Identifier(string name)
    {
        var text = String(name);
        return text is null || Values.Identifier.IsValid(text) ? text : Fail<string>(name, "must be " + Values.Identifier.Rule);
    }

    public long? Integer(string name, long minimum)
    {
        if (members[name] is JsonValue value
            && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= minimum)
        {
            return number;
        }

        return FailValue<long>(name, $"must be a whole number of at least {minimum}, written without fraction or exponent");
    }

    public DateTimeOffset? Instant(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return UtcTimestamp.TryParse(text, out var instant) && UtcTimestamp.Format(instant) == text
            ? instant
            : FailValue<DateTimeOffset>(name, "must be a UTC instant in its one written form, e.g. 2026-03-01T10:00:00Z or 2026-03-01T10:00:00.25Z");
    }

    public string? Hash(string name)
    {
        var text = String(name);
        return text is null || LowercaseHex.IsSha256(text) ? text : Fail<string>(name, "must be a SHA-256 hash: 64 lowercase hex digits");
    }

    public JsonArray? Array(string name) =>
        members[name] as JsonArray ?? Fail<JsonArray>(name, "must be a JSON array");

    public void Add(string name, string message) => errors.Add(new FieldError(Join(path, name), message));

    /// <summary>Reports a problem deeper inside this object, at a path the caller has built.</summary>
    public void AddAt(string fullPath, string message) => errors.Add(new FieldError(fullPath, message));

    private T? Fail<T>(string name, string message)
        where T : class
    {
        Report(name, message);
        return null;
    }

    private T? FailValue<T>(string name, string message)
        where T : struct
    {
        Report(name, message);
        return null;
    }

    private void Report(string name, string message) =>
        errors.Add(new FieldError(Join(path, name), members.ContainsKey(name) ? message : "is required; it " + message));

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string PathOrRoot(string path) => path.Length == 0 ? "$" : path;
}
