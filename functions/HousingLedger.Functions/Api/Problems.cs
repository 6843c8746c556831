using HousingLedger.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>
    /// Gives a problem the framework wrote itself (a 415 from content negotiation, a 400 from a query string that is
    /// not a number, a 404 for no route, an unhandled exception's 500) the same <c>type</c> and a <c>detail</c>, so
    /// clients see one vocabulary of problems.
    /// </summary>
    public static void Standardise(ProblemDetails problem)
    {
        if (problem.Type?.StartsWith("urn:housingledger:problem:", StringComparison.Ordinal) == true)
        {
            return;
        }

        var type = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ProblemType.Validation,
            StatusCodes.Status401Unauthorized => ProblemType.Unauthorized,
            StatusCodes.Status403Forbidden => ProblemType.Forbidden,
            StatusCodes.Status404NotFound => ProblemType.NotFound,
            StatusCodes.Status405MethodNotAllowed => ProblemType.MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => ProblemType.PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType => ProblemType.UnsupportedMediaType,
            _ => ProblemType.ServerError,
        };
        problem.Type = type.Uri;
        problem.Title = type.Title;
        problem.Detail ??= type.Title;
    }

    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors) =>
        Of(ProblemType.Validation, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), errors);

    public static ProblemHttpResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ProblemHttpResult NotFound(string what) => Of(ProblemType.NotFound, what);

    public static ProblemHttpResult Conflict(string detail) => Of(ProblemType.Conflict, detail);
}
