using HousingLedger.Functions.Access;
using HousingLedger.Values;

namespace HousingLedger.Functions.Api;

/// <summary>
/// What every HTTP function does around its handler. It runs inside the function body, so the Functions host and
/// the standalone host run it alike, where middleware or endpoint filters would run under one host only:
/// a malformed <c>Idempotency-Key</c> is refused, the caller's API key is authenticated and its role checked, and
/// anything the handler throws becomes a logged 500 problem rather than the host's bare error. Body limits and
/// malformed bodies are refused by <see cref="RequestBody"/>, which every handler reads its body through.
/// </summary>
public sealed class ApiGate(ApiKeys keys, ILogger<ApiGate> logger)
{
    /// <summary>Runs <paramref name="handle"/> for a caller that <paramref name="access"/> lets in, or answers with the refusal.</summary>
    public async Task<IResult> RunAsync(HttpRequest request, ApiAccess access, Func<Task<IResult>> handle)
    {
        try
        {
            var idempotencyKey = IdempotencyKey.Text(request);
            if (idempotencyKey.Length > 0 && !Identifier.IsValid(idempotencyKey))
            {
                return Problems.Invalid(IdempotencyKey.Header, "must be " + Identifier.Rule);
            }

            if (access.Roles is { } roles && await AuthenticateAsync(request, roles) is { } refusal)
            {
                return refusal;
            }

            return await handle();
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nobody reads the answer.
            return Results.Empty;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Method} {Path} failed", request.Method, request.Path);
            return Problems.Of(ProblemType.ServerError, "The service failed while handling the request. Nothing half-done is kept; it is safe to send it again.");
        }
    }

    /// <summary>Sets the caller on the request (<see cref="CallerExtensions.Caller"/>), or returns the refusal.</summary>
    private async Task<IResult?> AuthenticateAsync(HttpRequest request, IReadOnlySet<ApiRole> roles)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var presented = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        var authentication = await keys.AuthenticateAsync(presented, request.HttpContext.RequestAborted);
        if (authentication is Authentication.Suspended suspended)
        {
            return Problems.Of(ProblemType.Suspended, $"Association '{suspended.AssociationId}' is suspended by the operator; its keys are refused until the suspension is lifted.");
        }

        if (authentication is not Authentication.Known { Caller: var caller })
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Of(ProblemType.Unauthorized, presented is null
                ? "Send the API key as 'Authorization: Bearer <key>'."
                : "That API key is not recognised.");
        }

        if (!roles.Contains(caller.Role))
        {
            return Problems.Of(ProblemType.Forbidden, $"A key with the role '{ApiRoles.Name(caller.Role)}' may not do this.");
        }

        request.HttpContext.Features.Set(caller);
        return null;
    }
}

/// <summary>Who may call a function: anyone (it authenticates itself, or is public), or API keys with one of some roles.</summary>
public sealed record ApiAccess(IReadOnlySet<ApiRole>? Roles)
{
    /// <summary>No API key: public routes, and supplier webhooks, which are authenticated by their signature.</summary>
    public static ApiAccess Anyone { get; } = new((IReadOnlySet<ApiRole>?)null);

    public static ApiAccess Keys(params ApiRole[] roles) => new(roles.ToHashSet());
}
