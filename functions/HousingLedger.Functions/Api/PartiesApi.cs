using System.Diagnostics;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Parties;
using HousingLedger.Infrastructure.State;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// The operator's view of the parties it onboarded: every association and supplier, and suspending an association
/// or lifting its suspension (<see cref="Suspension"/>). The lists are whole, not paged: a hosted service has
/// associations and suppliers by the hundred, not the million.
/// </summary>
public sealed class PartiesApi(ApiGate gate, PartyStore parties, Suspension suspension)
{
    private static readonly ApiAccess OperatorOnly = ApiAccess.Keys(ApiRole.Operator);

    [Function("ListAssociations")]
    public Task<IResult> ListAssociations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "associations")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, OperatorOnly, async () =>
        {
            var associations = new List<AssociationView>();
            await foreach (var (id, profile) in parties.AssociationsAsync(cancellationToken))
            {
                associations.Add(new AssociationView(id.Value, (string)profile.Document["name"]!, PartyStore.IsSuspended(profile)));
            }

            return TypedResults.Ok(new AssociationList(associations));
        });

    [Function("ListSuppliers")]
    public Task<IResult> ListSuppliers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "suppliers")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, OperatorOnly, async () =>
        {
            var suppliers = new List<SupplierView>();
            await foreach (var (id, profile) in parties.SuppliersAsync(cancellationToken))
            {
                suppliers.Add(new SupplierView(id.Value, (string)profile.Document["name"]!, profile.WorkOrderUrl.ToString()));
            }

            return TypedResults.Ok(new SupplierList(suppliers));
        });

    [Function("SuspendAssociation")]
    public Task<IResult> SuspendAssociation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "associations/{associationId}/suspension")] HttpRequest request, string associationId,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, OperatorOnly, async () => await SetAsync(request, associationId, suspended: true, cancellationToken));

    [Function("LiftSuspension")]
    public Task<IResult> LiftSuspension(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "associations/{associationId}/suspension")] HttpRequest request, string associationId,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, OperatorOnly, async () => await SetAsync(request, associationId, suspended: false, cancellationToken));

    private async Task<Results<Ok<SuspensionView>, ProblemHttpResult>> SetAsync(HttpRequest request, string associationId, bool suspended, CancellationToken cancellationToken)
    {
        // A suspension carries nothing; a body, if sent, must be an empty object.
        if (await RequestBody.RefuseAnyMembersAsync(request, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!TypedId.TryParse<AssociationId>(associationId, out var id))
        {
            return NoAssociation(associationId);
        }

        return await suspension.SetAsync(id, suspended, IdempotencyKey.Of(request), cancellationToken) switch
        {
            SuspensionSet.Recorded recorded => TypedResults.Ok(new SuspensionView(associationId, suspended, recorded.EventId.Value)),
            SuspensionSet.NoAssociation => NoAssociation(associationId),
            SuspensionSet.Conflict conflict => Problems.Conflict(conflict.Reason),
            _ => throw new UnreachableException(),
        };
    }

    private static ProblemHttpResult NoAssociation(string associationId) => Problems.NotFound($"No association '{associationId}'.");
}

/// <summary>An association as the operator lists it.</summary>
public sealed record AssociationView(string AssociationId, string Name, bool Suspended);

/// <summary>The answer to <c>GET /api/associations</c>, in id order.</summary>
public sealed record AssociationList(IReadOnlyList<AssociationView> Associations);

/// <summary>A supplier as the operator lists it: never its webhook secret or bank details.</summary>
public sealed record SupplierView(string SupplierId, string Name, string WorkOrderUrl);

/// <summary>The answer to <c>GET /api/suppliers</c>, in id order.</summary>
public sealed record SupplierList(IReadOnlyList<SupplierView> Suppliers);

/// <summary>The answer to suspending an association or lifting its suspension.</summary>
public sealed record SuspensionView(string AssociationId, bool Suspended, string EventId);
