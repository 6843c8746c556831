using HousingLedger.Values;

namespace HousingLedger.Functions.Api;

/// <summary>
/// The <c>Idempotency-Key</c> header, which becomes the event's id on its chain: a retried request with the same
/// key is recognised and not recorded twice. A key that is not a valid id is refused by
/// <see cref="IdempotencyKeyFilter"/> before any handler runs.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public static string? Of(HttpRequest request)
    {
        var value = request.Headers[Header].ToString();
        return value.Length == 0 ? null : value;
    }
}

/// <summary>Refuses a malformed <c>Idempotency-Key</c> with a problem response naming the header.</summary>
public sealed class IdempotencyKeyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = IdempotencyKey.Of(context.HttpContext.Request);
        return key is null || Identifier.IsValid(key)
            ? next(context)
            : ValueTask.FromResult<object?>(Problems.Invalid(IdempotencyKey.Header, "must be " + Identifier.Rule));
    }
}
