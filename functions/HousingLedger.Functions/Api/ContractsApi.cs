using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Functions.Api.Auth;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// An association registers a contract's terms; they are validated in full, canonicalised, hashed and recorded
/// on its chain (<c>contract.registered</c>) and never change afterwards. Its owner may share it with other
/// associations, which then raise jobs under the same terms and pool their volumes (<c>contract.joined</c>).
/// </summary>
public sealed class ContractsApi(ApiGate gate, StateStore state, EventIntake intake)
{
    private static readonly string[] MemberFields = ["associationId"];

    [Function("RegisterContract")]
    public Task<IResult> RegisterContract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contracts")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await RegisterAsync(request.HttpContext, state, intake, cancellationToken));

    [Function("GetContract")]
    public Task<IResult> GetContract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contracts/{contractId}")] HttpRequest request, string contractId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor), async () => await GetAsync(contractId, request.HttpContext, state, cancellationToken));

    [Function("ShareContract")]
    public Task<IResult> ShareContract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contracts/{contractId}/members")] HttpRequest request, string contractId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await ShareAsync(contractId, request.HttpContext, state, intake, cancellationToken));

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

    /// <summary>
    /// The owner shares a contract with another association: <c>contract.joined</c>, with the full terms and their
    /// hash, goes on the member's chain and the owner's, under one event id derived from the pair, so a retry
    /// records nothing twice and completes whatever a failed attempt left undone.
    /// </summary>
    public static async Task<Results<Ok<ContractShared>, ProblemHttpResult>> ShareAsync(
        string contractId, HttpContext context, StateStore state, EventIntake intake, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(context.Request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var fields = RequestFields.Open(body.Json, MemberFields);
        var memberId = fields.Identifier("associationId");
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        var ownerId = context.Caller().AssociationId!;
        var owned = Identifier.IsValid(contractId) ? await state.GetAsync(ownerId, Chains.ContractRow(contractId), cancellationToken) : null;
        if (owned is null || (string?)owned.Document["ownerId"] != ownerId)
        {
            return Problems.NotFound($"No contract '{contractId}' owned by this association.");
        }

        if (memberId == ownerId)
        {
            return Problems.Invalid("associationId", "the owner already holds the contract; name another association");
        }

        if (memberId == Chains.Operator || await state.GetAsync(Chains.Operator, Chains.AssociationRow(memberId!), cancellationToken) is null)
        {
            return Problems.NotFound($"No association '{memberId}'.");
        }

        var eventId = "join_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contractId + "|" + memberId)))[..40];
        var data = new JsonObject
        {
            ["contractId"] = contractId,
            ["ownerId"] = ownerId,
            ["memberId"] = memberId,
            ["termsHash"] = owned.Document["termsHash"]!.DeepClone(),
            ["terms"] = owned.Document["terms"]!.DeepClone(),
        };
        var actor = "association:" + ownerId;
        var memberCopy = new JsonObject
        {
            ["contractId"] = contractId,
            ["ownerId"] = ownerId,
            ["termsHash"] = data["termsHash"]!.DeepClone(),
            ["terms"] = data["terms"]!.DeepClone(),
        };
        var joined = intake.NewTransaction("contract.joined", memberId!, eventId, null, actor, contractId, data.DeepClone().AsObject());
        await intake.AcceptAsync(joined, [StateChange.Create(Chains.ContractRow(contractId), memberCopy)], cancellationToken);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var members = (owned.Document["members"]?.AsArray() ?? []).Select(m => (string)m!).Append(memberId!).Distinct(StringComparer.Ordinal);
            var updated = owned.Document.DeepClone().AsObject();
            updated["members"] = new JsonArray([.. members.Select(m => JsonValue.Create(m))]);
            var recorded = intake.NewTransaction("contract.joined", ownerId, eventId, null, actor, contractId, data.DeepClone().AsObject());
            if (await intake.AcceptAsync(recorded, [StateChange.Replace(Chains.ContractRow(contractId), updated, owned.Version)], cancellationToken) != AcceptOutcome.StaleState)
            {
                var current = await state.GetAsync(ownerId, Chains.ContractRow(contractId), cancellationToken);
                return TypedResults.Ok(new ContractShared(contractId, memberId!, [.. current!.Document["members"]!.AsArray().Select(m => (string)m!)], eventId));
            }

            owned = (await state.GetAsync(ownerId, Chains.ContractRow(contractId), cancellationToken))!;
        }

        return Problems.Conflict($"Contract '{contractId}' changed repeatedly while it was being shared; send the request again.");
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

/// <summary><c>POST /api/contracts/{contractId}/members</c>: the association to share the contract with.</summary>
public sealed record ShareContractBody(string AssociationId);

/// <summary>The answer to sharing a contract: every member it is now shared with, and the event id of the join.</summary>
public sealed record ContractShared(string ContractId, string AssociationId, IReadOnlyList<string> Members, string EventId);

/// <summary>A contract as kept in an association's state.</summary>
public sealed record StoredContract(string ContractId, string TermsHash, ContractTerms Terms);
