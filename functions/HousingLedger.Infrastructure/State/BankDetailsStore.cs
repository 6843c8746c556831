using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// The rows behind <c>supplier.bankDetailsChanged</c> and <c>supplier.bankDetailsConfirmed</c>:
/// <c>bankdetails|{supplierId}|{eventId}</c> in the operator's partition, each change's details with the salt of
/// the commitment the ledger holds and the chains it is recorded on; and <c>bankconfirmed|{supplierId}|{changeEventId}</c>
/// in an association's partition, its admin's confirmation of that change.
/// </summary>
public sealed class BankDetailsStore(StateStore state)
{
    private const string ChangePrefix = "bankdetails|";
    private const string ConfirmationPrefix = "bankconfirmed|";

    /// <summary>The change's off-ledger row; null when the supplier has no change by that id.</summary>
    public async Task<JsonObject?> GetChangeAsync(SupplierId supplierId, EventId changeEventId, CancellationToken cancellationToken = default) =>
        (await state.GetAsync(OperatorChain.Name, ChangeKey(supplierId, changeEventId), cancellationToken))?.Document;

    /// <summary>The row that keeps a change's details off the ledger; written with the operator's record of it, and it must not exist yet.</summary>
    public static StateChange ChangeKept(SupplierId supplierId, EventId changeEventId, JsonObject row) => StateChange.Create(ChangeKey(supplierId, changeEventId), row);

    /// <summary>The association's confirmation of the change; null when it has not confirmed it.</summary>
    public async Task<JsonObject?> GetConfirmationAsync(AssociationId associationId, SupplierId supplierId, EventId changeEventId, CancellationToken cancellationToken = default) =>
        (await state.GetAsync(associationId.Value, ConfirmationKey(supplierId, changeEventId), cancellationToken))?.Document;

    /// <summary>The row that records an association's confirmation of a change; written with its <c>supplier.bankDetailsConfirmed</c>.</summary>
    public static StateChange Confirmed(SupplierId supplierId, EventId changeEventId, JsonObject row) => StateChange.Create(ConfirmationKey(supplierId, changeEventId), row);

    private static string ChangeKey(SupplierId supplierId, EventId changeEventId) => ChangePrefix + supplierId.Value + "|" + changeEventId.Value;

    private static string ConfirmationKey(SupplierId supplierId, EventId changeEventId) => ConfirmationPrefix + supplierId.Value + "|" + changeEventId.Value;
}
