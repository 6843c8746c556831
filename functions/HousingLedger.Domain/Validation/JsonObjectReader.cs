using System.Text.Json;

namespace HousingLedger.Validation;

/// <summary>
/// Reads the members of one JSON object under a <see cref="JsonReadPolicy"/>, reporting a <see cref="FieldError"/>
/// per problem at the member's path (<c>items[2].unitPrice</c>, <c>transactions[2].eventId</c>), so every wrong
/// field is named at once. An object opened with member names is closed: a member it does not name is refused,
/// because a client's misspelt field must not be ignored and a ledger member would be dropped from the hash. A
/// member that appears twice is refused too. JSON null reads as absent. Read one object on one thread.
/// </summary>
internal sealed partial class JsonObjectReader
{
    private readonly JsonElement members;
    private readonly string path;
    private readonly List<FieldError> errors;
    private readonly JsonReadPolicy policy;
    private readonly int errorsBefore;

    private JsonObjectReader(JsonElement members, string path, List<FieldError> errors, JsonReadPolicy policy)
    {
        this.members = members;
        this.path = path;
        this.errors = errors;
        this.policy = policy;
        errorsBefore = errors.Count;
    }

    /// <summary>Every error reported into the list this object was opened with.</summary>
    public IReadOnlyList<FieldError> Errors => errors;

    /// <summary>Whether no error has been reported since this object was opened, in it or in what was read through it.</summary>
    public bool IsValid => errors.Count == errorsBefore;

    /// <summary>False when what was opened is not an object; it is reported, and read as an object with no members.</summary>
    public bool IsObject => members.ValueKind == JsonValueKind.Object;

    /// <summary>
    /// Opens <paramref name="value"/>, found at <paramref name="path"/>, reporting into <paramref name="errors"/>.
    /// Its members may be only <paramref name="memberNames"/>; null lets others add members the reader ignores (a JWK).
    /// </summary>
    public static JsonObjectReader Open(
        JsonElement value, string path, List<FieldError> errors, JsonReadPolicy policy, IReadOnlyCollection<string>? memberNames)
    {
        var reader = new JsonObjectReader(value, path, errors, policy);
        if (reader.IsObject)
        {
            reader.CheckMemberNames(memberNames);
        }
        else
        {
            errors.Add(new FieldError(policy.ObjectPath(path), FieldMessages.Kind(JsonValueKind.Object, value.ValueKind)));
        }

        return reader;
    }

    /// <summary>Reads <paramref name="value"/> with <paramref name="read"/>, which gives null for what it cannot read.</summary>
    public static Validated<T> Read<T>(
        JsonElement value, string path, JsonReadPolicy policy, IReadOnlyCollection<string>? memberNames, Func<JsonObjectReader, T?> read)
        where T : class
    {
        var reader = Open(value, path, [], policy, memberNames);
        var result = reader.IsObject ? read(reader) : null;
        return result is not null && reader.IsValid ? Validated<T>.Valid(result) : Validated<T>.Invalid(reader.Errors);
    }

    public string PathOf(string name) => path.Length == 0 ? name : path + "." + name;

    public string PathOf(string name, int index) => $"{PathOf(name)}[{index}]";

    public void Add(FieldError error) => errors.Add(error);

    public void AddRange(IEnumerable<FieldError> more) => errors.AddRange(more);

    /// <summary>Reports a problem with the member <paramref name="name"/>.</summary>
    public void Add(string name, string message) => errors.Add(new FieldError(PathOf(name), message));

    /// <summary>A member's value, or null when it is absent or JSON null.</summary>
    public JsonElement? Element(string name)
    {
        try
        {
            return IsObject && members.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
        }
        catch (InvalidOperationException)
        {
            // The lookup met a member name that is not text, which opening the object has already reported.
            return null;
        }
    }

    public JsonElement? Object(string name, bool required = true) => OfKind(name, JsonValueKind.Object, required);

    public JsonElement? Array(string name, bool required = true) => OfKind(name, JsonValueKind.Array, required);

    /// <summary>The required object member <paramref name="name"/>, opened to report into the same errors.</summary>
    public JsonObjectReader? Nested(string name, IReadOnlyCollection<string> memberNames) =>
        Object(name) is { } value ? Open(value, PathOf(name), errors, policy, memberNames) : null;

    /// <summary>
    /// The entries of the required array member <paramref name="name"/>: 1 to <paramref name="maxCount"/> objects,
    /// each opened to report into the same errors. An entry that is not an object is reported and stands as null.
    /// </summary>
    public IReadOnlyList<JsonObjectReader?>? Entries(string name, int maxCount, IReadOnlyCollection<string> memberNames)
    {
        if (Array(name) is not { } array)
        {
            return null;
        }

        var count = array.GetArrayLength();
        if (count < 1 || count > maxCount)
        {
            Add(name, FieldMessages.EntryCount(maxCount, count));
            return null;
        }

        return [.. array.EnumerateArray()
            .Select((entry, index) => Open(entry, PathOf(name, index), errors, policy, memberNames))
            .Select(entry => entry.IsObject ? entry : null)];
    }

    private void CheckMemberNames(IReadOnlyCollection<string>? memberNames)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members.EnumerateObject())
        {
            if (!HasTextName(member))
            {
                errors.Add(new FieldError(policy.ObjectPath(path), FieldMessages.MemberNameNotText));
                continue;
            }

            if (memberNames is not null && !memberNames.Contains(member.Name, StringComparer.Ordinal))
            {
                Add(member.Name, FieldMessages.Unknown(memberNames));
            }
            else if (!seen.Add(member.Name))
            {
                Add(member.Name, FieldMessages.Duplicate);
            }
        }
    }

    // A member name escaping an unpaired surrogate cannot be read as a string; System.Text.Json throws for it.
    private static bool HasTextName(JsonProperty member)
    {
        try
        {
            return member.Name is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // The member when it is present; otherwise null, reported when it is required.
    private JsonElement? Present(string name, bool required)
    {
        var value = Element(name);
        if (value is null && required)
        {
            Add(name, FieldMessages.Required);
        }

        return value;
    }

    private JsonElement? OfKind(string name, JsonValueKind kind, bool required)
    {
        var value = Present(name, required);
        if (value is { } present && present.ValueKind != kind)
        {
            Add(name, FieldMessages.Kind(kind, present.ValueKind));
            return null;
        }

        return value;
    }
}
