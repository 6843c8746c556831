using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Functions.Api.Auth;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HousingLedger.Functions.Api;

/// <summary>
/// An association registers a contract's terms; they are validated in full, canonicalised, hashed and recorded
/// on its chain (<c>contract.registered</c>) and never change afterwards.
/// </summary>
public static class ContractsApi
{
    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder api)
    {
        var contracts = api.MapGroup("/contracts");
        contracts.MapPost("", RegisterAsync).WithName("RegisterContract").RequireRoles(ApiRole.Admin);
        contracts.MapGet("/{contractId}", GetAsync).WithName("GetContract").RequireRoles(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor);
        return api;
    }

    public static async Task<Results<Created<ContractRegistered>, ProblemHttpResult>> RegisterAsync(
        HttpContext context, StateStore state, EventIntake intake, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(context.Request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var parsed = ContractTermsParser.Parse(body.Json);
        if (!parsed.IsValid)
        {
            return Problems.Invalid(parsed.Errors);
        }

        var terms = parsed.Value;
        if (await state.GetAsync(Chains.Operator, Chains.SupplierRow(terms.SupplierId), cancellationToken) is null)
        {
            return Problems.Invalid("supplierId", $"no supplier '{terms.SupplierId}' is registered");
        }

        var associationId = context.Caller().AssociationId!;
        var contractId = Identifier.New("con");
        var canonical = terms.ToCanonicalJson();
        var termsHash = terms.TermsHash;
        var data = new JsonObject { ["contractId"] = contractId, ["termsHash"] = termsHash, ["terms"] = canonical.DeepClone() };
        var tx = intake.NewTransaction("contract.registered", associationId, IdempotencyKey.Of(context.Request), null, "association:" + associationId, contractId, data);
        var stored = new JsonObject { ["contractId"] = contractId, ["ownerId"] = associationId, ["termsHash"] = termsHash, ["terms"] = canonical };
        var outcome = await intake.AcceptAsync(tx, [StateChange.Create(Chains.ContractRow(contractId), stored)], cancellationToken);
        return outcome == AcceptOutcome.Accepted
            ? TypedResults.Created($"/api/contracts/{contractId}", new ContractRegistered(contractId, termsHash, tx.EventId))
            : Problems.Conflict($"The Idempotency-Key '{tx.EventId}' was used before for another event.");
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(
        string contractId, HttpContext context, StateStore state, CancellationToken cancellationToken)
    {
        var stored = Identifier.IsValid(contractId)
            ? await state.GetAsync(context.Caller().AssociationId!, Chains.ContractRow(contractId), cancellationToken)
            : null;
        return stored is null ? Problems.NotFound($"No contract '{contractId}'.") : TypedResults.Ok(stored.Document);
    }

    /// <summary>A contract this association may raise jobs under, or null.</summary>
    public static async Task<StoredContract?> FindAsync(StateStore state, string associationId, string contractId, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync(associationId, Chains.ContractRow(contractId), cancellationToken);
        return stored is null
            ? null
            : new StoredContract(contractId, (string)stored.Document["termsHash"]!, ContractTerms.FromCanonicalJson(stored.Document["terms"]!.AsObject()));
    }
}

public sealed record ContractRegistered(string ContractId, string TermsHash, string EventId);

/// <summary>A contract as kept in an association's state.</summary>
public sealed record StoredContract(string ContractId, string TermsHash, ContractTerms Terms);
