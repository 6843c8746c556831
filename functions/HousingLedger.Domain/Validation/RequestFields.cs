using System.Text.Json;
using HousingLedger.Values;

namespace HousingLedger.Validation;

/// <summary>
/// Reads the members of a request's JSON object, collecting one <see cref="FieldError"/> per problem so a client
/// hears about every wrong field at once. Members the request does not define, and members given twice, are
/// refused: a misspelt optional field must not be silently ignored. The function app's view of
/// <see cref="JsonObjectReader"/> under <see cref="JsonReadPolicy.Request"/>; each reader keeps its own errors.
/// </summary>
public sealed class RequestFields
{
    private readonly JsonObjectReader reader;

    private RequestFields(JsonObjectReader reader) => this.reader = reader;

    public IReadOnlyList<FieldError> Errors => reader.Errors;

    public bool IsValid => reader.IsValid;

    /// <summary>Opens an object whose only members may be <paramref name="allowed"/>, found at <paramref name="prefix"/>.</summary>
    public static RequestFields Open(JsonElement body, IReadOnlyCollection<string> allowed, string prefix = "") =>
        new(JsonObjectReader.Open(body, prefix, [], JsonReadPolicy.Request, allowed));

    public string PathOf(string name) => reader.PathOf(name);

    public void Add(FieldError error) => reader.Add(error);

    public void AddRange(IEnumerable<FieldError> more) => reader.AddRange(more);

    /// <summary>Text of 1 to <paramref name="maxLength"/> characters with no control characters.</summary>
    public string? String(string name, int maxLength, bool required = true) => reader.String(name, maxLength, required);

    /// <summary>Any string, line breaks included: for text whose own format is checked next (a signed note).</summary>
    public string? Text(string name, bool required = true) => reader.Text(name, required);

    /// <summary>An id of one kind, checked against <see cref="Values.Identifier"/> here, at the edge, once.</summary>
    public TId? Id<TId>(string name, bool required = true)
        where TId : struct, ITypedId<TId> =>
        reader.Identifier(name, required) is { } text ? TypedId.Parse<TId>(text) : null;

    public long? Integer(string name, long minimum, long maximum, bool required = true) => reader.Integer(name, minimum, maximum, required);

    /// <summary>An instant in UTC (<see cref="Values.UtcTimestamp"/>); absent gives null with no error when optional.</summary>
    public DateTimeOffset? Instant(string name, bool required = false) => reader.Instant(name, required);

    /// <summary>One of a closed set of lower-case words, e.g. a priority.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> choices, bool required = true) => reader.OneOf(name, choices, required);

    public JsonElement? Object(string name, bool required = true) => reader.Object(name, required);
}
