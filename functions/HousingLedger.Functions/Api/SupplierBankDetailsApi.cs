using System.Diagnostics;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Parties;
using HousingLedger.Validation;
using HousingLedger.Values;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Api;

/// <summary>
/// A supplier's bank details change only through a recorded event (SPEC §9): the operator changes them
/// (<see cref="BankDetailsChanges"/>), and each association paying the supplier confirms the change before its
/// jobs are paid again (<see cref="BankDetailsConfirmations"/>).
/// </summary>
public sealed class SupplierBankDetailsApi(ApiGate gate, BankDetailsChanges changes, BankDetailsConfirmations confirmations)
{
    private static readonly string[] ChangeFields = ["bank", "occurredAt"];
    private static readonly string[] ConfirmationFields = ["changeEventId"];

    [Function("ChangeSupplierBankDetails")]
    public Task<IResult> ChangeSupplierBankDetails(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "suppliers/{supplierId}/bank-details")] HttpRequest request, string supplierId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator), async () => await ChangeAsync(request, supplierId, cancellationToken));

    [Function("ConfirmSupplierBankDetails")]
    public Task<IResult> ConfirmSupplierBankDetails(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppliers/{supplierId}/bank-details/confirmations")] HttpRequest request, string supplierId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), async () => await ConfirmAsync(request, supplierId, cancellationToken));

    [Function("ListPendingBankDetailsChanges")]
    public Task<IResult> ListPendingBankDetailsChanges(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "bank-details-changes")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance), async () =>
            TypedResults.Ok(new PendingBankDetailsChanges(await confirmations.PendingAsync(request.HttpContext.CallingAssociation(), cancellationToken))));

    private async Task<Results<Ok<BankDetailsChangeView>, ProblemHttpResult>> ChangeAsync(HttpRequest request, string supplierId, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, ChangeFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var bank = OperatorApi.ReadBank(fields);
        var occurredAt = fields.Instant("occurredAt");
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        var outcome = TypedId.TryParse<SupplierId>(supplierId, out var id)
            ? await changes.ChangeAsync(id, bank!, occurredAt, IdempotencyKey.Of(request), cancellationToken)
            : new BankDetailsChanged.NoSupplier();
        return outcome switch
        {
            BankDetailsChanged.Changed changed => TypedResults.Ok(new BankDetailsChangeView(
                supplierId, changed.EventId.Value, UtcTimestamp.Format(changed.OccurredAt), changed.Commitment, changed.Chains)),
            BankDetailsChanged.NoSupplier => Problems.NotFound($"No supplier '{supplierId}'."),
            BankDetailsChanged.Refused refused => Problems.Invalid(refused.Errors),
            BankDetailsChanged.Busy => Problems.Conflict($"Supplier '{supplierId}' kept changing while this change was recorded; nothing was. Send it again."),
            _ => throw new UnreachableException(),
        };
    }

    private async Task<Results<Ok<BankDetailsConfirmationView>, ProblemHttpResult>> ConfirmAsync(HttpRequest request, string supplierId, CancellationToken cancellationToken)
    {
        var (fields, unreadable) = await RequestBody.OpenAsync(request, ConfirmationFields, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }

        var changeEventId = fields.Id<EventId>("changeEventId");
        if (!fields.IsValid)
        {
            return Problems.Invalid(fields.Errors);
        }

        var outcome = TypedId.TryParse<SupplierId>(supplierId, out var id)
            ? await confirmations.ConfirmAsync(request.HttpContext.CallingAssociation(), id, changeEventId!.Value, cancellationToken)
            : new BankDetailsConfirmed.NoSupplier();
        return outcome switch
        {
            BankDetailsConfirmed.Confirmed confirmed => TypedResults.Ok(new BankDetailsConfirmationView(
                supplierId, changeEventId!.Value.Value, confirmed.EventId.Value, confirmed.ConfirmedAt)),
            BankDetailsConfirmed.NoSupplier => Problems.NotFound($"No supplier '{supplierId}' that this association holds a contract with."),
            BankDetailsConfirmed.NoChange => Problems.Invalid("changeEventId", $"names no change of supplier '{supplierId}''s bank details"),
            BankDetailsConfirmed.Superseded superseded => Problems.Invalid(
                "changeEventId", $"names a change that the later change '{superseded.Latest}' replaced; confirm that one"),
            _ => throw new UnreachableException(),
        };
    }
}

/// <summary>A recorded change of a supplier's bank details: its event id, business time, the commitment the ledger holds, and the chains it is on.</summary>
public sealed record BankDetailsChangeView(string SupplierId, string EventId, string OccurredAt, string BankDetailsCommitment, IReadOnlyList<string> Chains);

/// <summary>An association's confirmation of a bank-detail change.</summary>
public sealed record BankDetailsConfirmationView(string SupplierId, string ChangeEventId, string EventId, string ConfirmedAt);

/// <summary>The answer to <c>GET /api/bank-details-changes</c>: the changes the association must confirm before their suppliers are paid again.</summary>
public sealed record PendingBankDetailsChanges(IReadOnlyList<PendingBankDetailsChange> Changes);
