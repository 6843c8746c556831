using HousingLedger.Functions.Access;
using HousingLedger.Infrastructure.State;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Who the presented key is: its role and, for an association's key, the association and its name. The console
/// signs in with a key and has nothing else to learn this from, yet must show only what the role may see (SPEC §13).
/// </summary>
public sealed class CallerApi(ApiGate gate, PartyStore parties)
{
    private static readonly ApiAccess AnyKey = ApiAccess.Keys(ApiRole.Operator, ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor);

    [Function("GetCaller")]
    public Task<IResult> GetCaller(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "caller")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, AnyKey, async () => TypedResults.Ok(await DescribeAsync(request.HttpContext.Caller(), cancellationToken)));

    private async Task<CallerView> DescribeAsync(Caller caller, CancellationToken cancellationToken)
    {
        var role = ApiRoles.Name(caller.Role);
        if (caller is not AssociationCaller association)
        {
            return new CallerView(role, null, null);
        }

        // A key is issued only to an onboarded association; should its profile row be missing, the name is null, not a failure.
        var profile = await parties.GetAssociationAsync(association.AssociationId, cancellationToken);
        return new CallerView(role, association.AssociationId.Value, (string?)profile?.Document["name"]);
    }
}

/// <summary>The answer to <c>GET /api/caller</c>; the association and its name are null for the operator.</summary>
public sealed record CallerView(string Role, string? AssociationId, string? AssociationName);
