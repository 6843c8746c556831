using HousingLedger.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HousingLedger.Functions.Api;

/// <summary>The one place a refusal becomes an RFC 9457 problem response.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(ProblemType type, string detail, IReadOnlyList<FieldError>? errors = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (errors is { Count: > 0 })
        {
            extensions["errors"] = errors
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        }

        return TypedResults.Problem(detail: detail, statusCode: type.Status, title: type.Title, type: type.Uri, extensions: extensions);
    }

    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors) =>
        Of(ProblemType.Validation, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), errors);

    public static ProblemHttpResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ProblemHttpResult NotFound(string what) => Of(ProblemType.NotFound, what);

    public static ProblemHttpResult Conflict(string detail) => Of(ProblemType.Conflict, detail);
}
