using System.Diagnostics;
using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Contracts;
using HousingLedger.Infrastructure.State;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// An association registers a contract's terms, lists and reads the contracts it holds, and shares the ones it owns
/// with other associations (<see cref="ContractRegistration"/>, <see cref="ContractSharing"/>).
/// </summary>
public sealed class ContractsApi(ApiGate gate, ContractRegistration registration, ContractSharing sharing, ContractStore contracts, PartyStore parties)
{
    private static readonly string[] MemberFields = ["associationId"];
    private static readonly ApiAccess Readers = ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance, ApiRole.Auditor);

    [Function("RegisterContract")]
    public Task<IResult> RegisterContract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contracts")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await RegisterAsync(request, cancellationToken));

    [Function("ListContracts")]
    public Task<IResult> ListContracts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contracts")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => TypedResults.Ok(await ListAsync(request.HttpContext.CallingAssociation(), cancellationToken)));

    [Function("GetContract")]
    public Task<IResult> GetContract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contracts/{contractId}")] HttpRequest request, string contractId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, Readers, async () => await GetAsync(request, contractId, cancellationToken));

    [Function("ShareContract")]
    public Task<IResult> ShareContract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contracts/{contractId}/members")] HttpRequest request, string contractId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await ShareAsync(request, contractId, cancellationToken));

    private async Task<Results<Created<ContractRegisteredView>, ProblemHttpResult>> RegisterAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var parsed = ContractTermsParser.Parse(body.Json);
        if (!parsed.IsValid)
        {
            return Problems.Invalid(parsed.Errors);
        }

        var associationId = request.HttpContext.CallingAssociation();
        return await registration.RegisterAsync(associationId, parsed.Value, IdempotencyKey.Of(request), cancellationToken) switch
        {
            ContractRegistered.Registered registered => TypedResults.Created(
                $"/api/contracts/{registered.ContractId}", new ContractRegisteredView(registered.ContractId.Value, registered.TermsHash, registered.EventId.Value)),
            ContractRegistered.Refused refused => Problems.Invalid([refused.Error]),
            ContractRegistered.Conflict conflict => Problems.Conflict(conflict.Reason),
            _ => throw new UnreachableException(),
        };
    }

    private async Task<Results<Ok<ContractSharedView>, ProblemHttpResult>> ShareAsync(HttpRequest request, string contractId, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, MemberFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var memberId = fields.Id<AssociationId>("associationId");
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        var ownerId = request.HttpContext.CallingAssociation();
        var outcome = TypedId.TryParse<ContractId>(contractId, out var id) ? await sharing.ShareAsync(ownerId, id, memberId!.Value, cancellationToken) : new ContractShared.NoContract();
        return outcome switch
        {
            ContractShared.Shared shared => TypedResults.Ok(new ContractSharedView(contractId, memberId!.Value.Value, [.. shared.Members.Select(m => m.Value)], shared.EventId.Value)),
            ContractShared.NoContract => Problems.NotFound($"No contract '{contractId}' owned by this association."),
            ContractShared.OwnerItself => Problems.Invalid("associationId", "the owner already holds the contract; name another association"),
            ContractShared.NoMember => Problems.NotFound($"No association '{memberId}'."),
            _ => Problems.Conflict($"Contract '{contractId}' changed repeatedly while it was being shared; send the request again."),
        };
    }

    /// <summary>Every contract the association holds, each as <c>GET /api/contracts/{id}</c> answers it, with its supplier's name.</summary>
    private async Task<ContractList> ListAsync(AssociationId associationId, CancellationToken cancellationToken)
    {
        // Contracts mostly share a few suppliers: read each supplier's profile once.
        var supplierNames = new Dictionary<SupplierId, string?>();
        var listed = new List<JsonObject>();
        await foreach (var contract in contracts.ListAsync(associationId, cancellationToken))
        {
            var supplierId = contract.ParseTerms().SupplierId;
            if (!supplierNames.TryGetValue(supplierId, out var supplierName))
            {
                supplierName = (string?)(await parties.GetSupplierAsync(supplierId, cancellationToken))?.Document["name"];
                supplierNames[supplierId] = supplierName;
            }

            var document = contract.ToDocument();
            document["supplierName"] = supplierName;
            listed.Add(document);
        }

        return new ContractList(listed);
    }

    private async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(HttpRequest request, string contractId, CancellationToken cancellationToken)
    {
        var stored = TypedId.TryParse<ContractId>(contractId, out var id) ? await contracts.GetAsync(request.HttpContext.CallingAssociation(), id, cancellationToken) : null;
        return stored is null ? Problems.NotFound($"No contract '{contractId}'.") : TypedResults.Ok(stored.Contract.ToDocument());
    }
}

/// <summary>The answer to registering a contract.</summary>
public sealed record ContractRegisteredView(string ContractId, string TermsHash, string EventId);

/// <summary>The answer to <c>GET /api/contracts</c>: the contracts the association holds, owned or joined, in id order.</summary>
public sealed record ContractList(IReadOnlyList<JsonObject> Contracts);

/// <summary>The answer to sharing a contract: every member it is now shared with, and the event id of the join.</summary>
public sealed record ContractSharedView(string ContractId, string AssociationId, IReadOnlyList<string> Members, string EventId);
