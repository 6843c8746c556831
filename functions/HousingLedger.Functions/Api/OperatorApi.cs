using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Api.Auth;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using HousingLedger.Validation;
using HousingLedger.Values;
using HousingLedger.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>The operator onboards associations and suppliers; each onboarding is recorded on the operator's chain.</summary>
public sealed class OperatorApi(ApiGate gate, EventIntake intake, ApiKeys keys)
{
    private static readonly string[] AssociationFields = ["associationId", "name", "bank"];
    private static readonly string[] SupplierFields = ["supplierId", "name", "workOrderUrl", "bank"];

    [Function("OnboardAssociation")]
    public Task<IResult> OnboardAssociation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "associations")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator), async () => await OnboardAssociationAsync(request, intake, keys, cancellationToken));

    [Function("RegisterSupplier")]
    public Task<IResult> RegisterSupplier(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator), async () => await RegisterSupplierAsync(request, intake, cancellationToken));

    public static async Task<Results<Created<AssociationOnboarded>, ProblemHttpResult>> OnboardAssociationAsync(
        HttpRequest request, EventIntake intake, ApiKeys keys, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var fields = RequestFields.Open(body.Json, AssociationFields);
        var associationId = fields.Identifier("associationId", required: false);
        if (associationId == Chains.Operator)
        {
            fields.Add(new FieldError("associationId", $"'{Chains.Operator}' names the operator's own chain"));
        }

        var name = fields.String("name", 200);
        var bank = ReadBank(fields);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        associationId ??= Identifier.New("asc");
        var profile = new JsonObject { ["associationId"] = associationId, ["name"] = name, ["bank"] = bank!.ToJson() };
        var tx = intake.NewTransaction("association.onboarded", Chains.Operator, IdempotencyKey.Of(request), null, "operator", associationId, profile.DeepClone().AsObject());
        var outcome = await intake.AcceptAsync(tx, [StateChange.Create(Chains.AssociationRow(associationId), profile)], cancellationToken);
        if (outcome != AcceptOutcome.Accepted)
        {
            return Problems.Conflict($"Association '{associationId}' is onboarded already, or the Idempotency-Key was used before.");
        }

        var apiKey = await keys.IssueAsync(associationId, ApiRole.Admin, cancellationToken);
        return TypedResults.Created($"/api/associations/{associationId}", new AssociationOnboarded(associationId, apiKey, tx.EventId));
    }

    public static async Task<Results<Created<SupplierRegistered>, ProblemHttpResult>> RegisterSupplierAsync(
        HttpRequest request, EventIntake intake, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var fields = RequestFields.Open(body.Json, SupplierFields);
        var supplierId = fields.Identifier("supplierId", required: false);
        var name = fields.String("name", 200);
        var url = WorkOrderUrl.Read(fields, "workOrderUrl");
        var bank = ReadBank(fields);
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        supplierId ??= Identifier.New("sup");
        var secret = WebhookSecret.Generate();
        var bankJson = bank!.ToJson();
        var profile = new JsonObject
        {
            ["supplierId"] = supplierId,
            ["name"] = name,
            ["workOrderUrl"] = url!.ToString(),
            ["bank"] = bankJson,
            ["webhookSecret"] = secret.ToString(),
        };

        // The ledger commits to the bank details (a change of them is the fraud to watch for) without
        // spreading account numbers across every copy of the chain.
        var data = new JsonObject
        {
            ["supplierId"] = supplierId,
            ["name"] = name,
            ["workOrderUrl"] = url.ToString(),
            ["bankDetailsSha256"] = Convert.ToHexStringLower(SHA256.HashData(Jcs.Canonicalize(bankJson))),
        };
        var tx = intake.NewTransaction("supplier.registered", Chains.Operator, IdempotencyKey.Of(request), null, "operator", supplierId, data);
        var outcome = await intake.AcceptAsync(tx, [StateChange.Create(Chains.SupplierRow(supplierId), profile)], cancellationToken);
        if (outcome != AcceptOutcome.Accepted)
        {
            return Problems.Conflict($"Supplier '{supplierId}' is registered already, or the Idempotency-Key was used before.");
        }

        return TypedResults.Created($"/api/suppliers/{supplierId}", new SupplierRegistered(supplierId, secret.ToString(), tx.EventId));
    }

    private static BankAccount? ReadBank(RequestFields fields)
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
