using HousingLedger.Functions.Access;
using HousingLedger.Values;

namespace HousingLedger.Functions.Api;

public static class CallerExtensions
{
    /// <summary>The caller that <see cref="ApiGate"/> authenticated for this request.</summary>
    /// <exception cref="InvalidOperationException">The function's access is <see cref="ApiAccess.Anyone"/>, so there is no caller.</exception>
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("The function's access is ApiAccess.Anyone; it has no authenticated caller.");

    /// <summary>The association whose key made the request, for functions whose access admits only association roles.</summary>
    /// <exception cref="InvalidOperationException">The caller is the operator: the function's access admits a role it does not serve.</exception>
    public static AssociationId CallingAssociation(this HttpContext context) =>
        context.Caller() is AssociationCaller association
            ? association.AssociationId
            : throw new InvalidOperationException("This function serves associations; its access must not admit the operator.");
}
