using System.Globalization;
using HousingLedger.Validation;

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
    public long? Height(string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            return height;
        }

        errors.Add(new FieldError(name, values.Count == 1 ? $"must be a whole number from 0 up; found '{values[0]}'" : "must be given once"));
        return null;
    }
}
