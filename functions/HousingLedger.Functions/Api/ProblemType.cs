namespace HousingLedger.Functions.Api;

/// <summary>
/// The kinds of refusal the API gives. Each code is also the problem <c>type</c>
/// (<c>urn:housingledger:problem:{code}</c>), documented in docs/api.md.
/// </summary>
public readonly record struct ProblemType(string Code, int Status, string Title)
{
    public static ProblemType Validation { get; } = new("validation", 400, "The request is not valid.");
    public static ProblemType IncompleteBody { get; } = new("incomplete-body", 400, "The body did not arrive whole.");
    public static ProblemType MalformedJson { get; } = new("malformed-json", 400, "The body is not well-formed JSON.");
    public static ProblemType Unauthorized { get; } = new("unauthorized", 401, "A valid API key or webhook signature is required.");
    public static ProblemType Forbidden { get; } = new("forbidden", 403, "This key's role may not do that.");
    public static ProblemType Suspended { get; } = new("suspended", 403, "The association is suspended.");
    public static ProblemType NotFound { get; } = new("not-found", 404, "No such resource.");
    public static ProblemType Conflict { get; } = new("conflict", 409, "That conflicts with what is already recorded.");
    public static ProblemType InvalidTransition { get; } = new("invalid-transition", 409, "The event does not fit the job's state.");
    public static ProblemType Gone { get; } = new("gone", 410, "It was erased.");
    public static ProblemType MethodNotAllowed { get; } = new("method-not-allowed", 405, "That method is not allowed on this route.");
    public static ProblemType PayloadTooLarge { get; } = new("payload-too-large", 413, "The body is larger than 256 KiB.");
    public static ProblemType UnsupportedMediaType { get; } = new("unsupported-media-type", 415, "The body must be application/json.");

    public static ProblemType ServerError { get; } = new("server-error", 500, "The service failed; the request may be retried.");

    public string Uri => "urn:housingledger:problem:" + Code;
}
