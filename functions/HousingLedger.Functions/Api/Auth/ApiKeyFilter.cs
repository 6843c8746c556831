namespace HousingLedger.Functions.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> before a handler runs and refuses callers whose role is not
/// allowed, with a problem response. The handler reads the caller with <see cref="CallerExtensions.Caller"/>.
/// </summary>
public sealed class ApiKeyFilter(ApiKeys keys, IReadOnlySet<ApiRole> allowed) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var presented = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        var caller = await keys.AuthenticateAsync(presented, http.RequestAborted);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Of(ProblemType.Unauthorized, presented is null
                ? "Send the API key as 'Authorization: Bearer <key>'."
                : "That API key is not recognised.");
        }

        if (!allowed.Contains(caller.Role))
        {
            return Problems.Of(ProblemType.Forbidden, $"A key with the role '{caller.Role.ToString().ToLowerInvariant()}' may not do this.");
        }

        http.Features.Set(caller);
        return await next(context);
    }
}

public static class CallerExtensions
{
    /// <summary>Lets only callers with one of <paramref name="roles"/> reach the endpoints.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params ApiRole[] roles)
        where TBuilder : IEndpointConventionBuilder
    {
        var allowed = roles.ToHashSet();
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var filter = new ApiKeyFilter(factory.ApplicationServices.GetRequiredService<ApiKeys>(), allowed);
            return invocation => filter.InvokeAsync(invocation, next);
        });
        return builder;
    }

    /// <summary>The authenticated caller (set by <see cref="ApiKeyFilter"/>).</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("The endpoint has no RequireRoles filter.");
}
