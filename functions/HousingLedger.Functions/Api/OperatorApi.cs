using System.Diagnostics;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Parties;
using HousingLedger.Ledger;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>The operator onboards associations and suppliers (<see cref="Onboarding"/>).</summary>
public sealed class OperatorApi(ApiGate gate, Onboarding onboarding)
{
    private static readonly string[] AssociationFields = ["associationId", "name", "bank"];
    private static readonly string[] SupplierFields = ["supplierId", "name", "workOrderUrl", "bank"];

    [Function("OnboardAssociation")]
    public Task<IResult> OnboardAssociation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "associations")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator), async () => await OnboardAssociationAsync(request, cancellationToken));

    [Function("RegisterSupplier")]
    public Task<IResult> RegisterSupplier(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator), async () => await RegisterSupplierAsync(request, cancellationToken));

    private async Task<Results<Created<AssociationOnboarded>, ProblemHttpResult>> OnboardAssociationAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, AssociationFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var associationId = fields.Id<AssociationId>("associationId", required: false);
        if (associationId?.Value == OperatorChain.Name)
        {
            fields.Add(new FieldError("associationId", $"'{OperatorChain.Name}' names the operator's own chain"));
        }

        var name = fields.String("name", 200);
        var bank = ReadBank(fields);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        return await onboarding.OnboardAssociationAsync(associationId ?? TypedId.New<AssociationId>(), name!, bank!, IdempotencyKey.Of(request), cancellationToken) switch
        {
            Onboarded.Association onboarded => TypedResults.Created(
                $"/api/associations/{onboarded.AssociationId}", new AssociationOnboarded(onboarded.AssociationId.Value, onboarded.ApiKey, onboarded.EventId.Value)),
            Onboarded.Conflict conflict => Problems.Conflict(conflict.Reason),
            _ => throw new UnreachableException(),
        };
    }

    private async Task<Results<Created<SupplierRegistered>, ProblemHttpResult>> RegisterSupplierAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, SupplierFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var supplierId = fields.Id<SupplierId>("supplierId", required: false);
        var name = fields.String("name", 200);
        var url = WorkOrderUrl.Read(fields, "workOrderUrl");
        var bank = ReadBank(fields);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        return await onboarding.RegisterSupplierAsync(supplierId ?? TypedId.New<SupplierId>(), name!, url!, bank!, IdempotencyKey.Of(request), cancellationToken) switch
        {
            Onboarded.Supplier registered => TypedResults.Created(
                $"/api/suppliers/{registered.SupplierId}", new SupplierRegistered(registered.SupplierId.Value, registered.WebhookSecret, registered.EventId.Value)),
            Onboarded.Conflict conflict => Problems.Conflict(conflict.Reason),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>Reads <c>bank</c>, naming each wrong detail (<c>bank.sortCode</c> …); null when it is missing or invalid.</summary>
    internal static BankAccount? ReadBank(RequestFields fields)
    {
        var element = fields.Object("bank");
        if (element is null)
        {
            return null;
        }

        var bank = BankAccount.Parse(element.Value, fields.PathOf("bank"));
        fields.AddRange(bank.Errors);
        return bank.IsValid ? bank.Value : null;
    }
}

public sealed record AssociationOnboarded(string AssociationId, string ApiKey, string EventId);

public sealed record SupplierRegistered(string SupplierId, string WebhookSecret, string EventId);
