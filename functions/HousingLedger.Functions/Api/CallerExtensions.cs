using HousingLedger.Functions.Access;

namespace HousingLedger.Functions.Api;

public static class CallerExtensions
{
    /// <summary>The caller that <see cref="ApiGate"/> authenticated for this request.</summary>
    /// <exception cref="InvalidOperationException">The function lets anyone in, so there is no caller.</exception>
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("The function's access is ApiAccess.Anyone; it has no authenticated caller.");
}
