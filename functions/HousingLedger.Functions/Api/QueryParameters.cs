using System.Globalization;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Functions.Api;

/// <summary>Reads a request's query string, collecting one <see cref="FieldError"/> per parameter that does not parse.</summary>
public sealed class QueryParameters
{
    private readonly IQueryCollection query;
    private readonly List<FieldError> errors = [];

    private QueryParameters(IQueryCollection query) => this.query = query;

    public IReadOnlyList<FieldError> Errors => errors;

    public bool IsValid => errors.Count == 0;

    public static QueryParameters Of(HttpRequest request) => new(request.Query);

    /// <summary>Like <see cref="Height"/>, but absent is an error too.</summary>
    public long? RequiredHeight(string name)
    {
        if (query.ContainsKey(name))
        {
            return Height(name);
        }

        errors.Add(new FieldError(name, "is required: a whole number from 0 up"));
        return null;
    }

    /// <summary>A block height or tree size: a whole number from 0 up, given once; null when absent.</summary>
    public long? Height(string name) =>
        Parsed(name, (string? text, out long height) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out height), "a whole number from 0 up");

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, given once; null when absent.</summary>
    public int? Integer(string name, int minimum, int maximum) =>
        Parsed(name, (string? text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum && value <= maximum,
            $"a whole number from {minimum} to {maximum}");

    /// <summary>An ISO 8601 UTC instant (<see cref="UtcTimestamp.TryParse"/>), given once; null when absent.</summary>
    public DateTimeOffset? Instant(string name) =>
        Parsed<DateTimeOffset>(name, UtcTimestamp.TryParse, "an ISO 8601 UTC instant such as 2026-03-01T09:30:00Z");

    /// <summary><c>true</c> or <c>false</c>, given once; null when absent.</summary>
    public bool? Boolean(string name) =>
        Parsed(name, (string? text, out bool value) => bool.TryParse(text, out value) && text is "true" or "false", "true or false");

    /// <summary>An id of the service (<see cref="Identifier.Rule"/>), given once; null when absent.</summary>
    public TId? Id<TId>(string name)
        where TId : struct, ITypedId<TId> =>
        Parsed<TId>(name, TypedId.TryParse, Identifier.Rule);

    /// <summary>A value <paramref name="tryParse"/> reads, given once; null when absent. <paramref name="rule"/> says what it must be.</summary>
    public T? Parsed<T>(string name, TryParse<T> tryParse, string rule)
        where T : struct
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count == 1 && tryParse(values[0], out var value))
        {
            return value;
        }

        errors.Add(new FieldError(name, values.Count == 1 ? $"must be {rule}; found '{values[0]}'" : "must be given once"));
        return null;
    }
}

/// <summary>Reads a query parameter's text into a value; false when it is not one.</summary>
public delegate bool TryParse<T>(string? text, out T value);
