using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Values;

namespace HousingLedger.Functions.Parties;

/// <summary>
/// An association's admin confirms a change of a supplier's bank details — having checked it with the supplier by
/// a known contact, not the one the change came through — which releases the supplier's jobs that settlement held
/// (see <c>docs/settlement.md</c>). <c>supplier.bankDetailsConfirmed</c> goes on the association's chain once per
/// change, however often it is sent.
/// </summary>
public sealed class BankDetailsConfirmations(PartyStore parties, SupplierHolders holders, BankDetailsStore store, ContractStore contracts, EventIntake intake)
{
    public const string ConfirmedType = "supplier.bankDetailsConfirmed";

    public async Task<BankDetailsConfirmed> ConfirmAsync(AssociationId associationId, SupplierId supplierId, EventId changeEventId, CancellationToken cancellationToken)
    {
        // A supplier the association has no contract with is none of its business: as if it did not exist.
        if (await parties.GetSupplierAsync(supplierId, cancellationToken) is not { } supplier || !await holders.HoldsAsync(associationId, supplierId, cancellationToken))
        {
            return new BankDetailsConfirmed.NoSupplier();
        }

        if (await store.GetChangeAsync(supplierId, changeEventId, cancellationToken) is not { } change)
        {
            return new BankDetailsConfirmed.NoChange();
        }

        if (await store.GetConfirmationAsync(associationId, supplierId, changeEventId, cancellationToken) is { } before)
        {
            return Confirmed(before);
        }

        // Confirming details no longer in force would release nothing, and may be a mistake worth hearing about.
        if (supplier.Payee.LatestChange is { } latest && latest.EventId != changeEventId)
        {
            return new BankDetailsConfirmed.Superseded(latest.EventId);
        }

        var eventId = BankDetailsEventIds.Confirmation(supplierId, changeEventId);
        var data = new JsonObject
        {
            ["supplierId"] = supplierId.Value,
            ["changeEventId"] = changeEventId.Value,
            ["bankDetailsCommitment"] = (string)change["commitment"]!,
        };
        var tx = intake.NewTransaction(ConfirmedType, associationId.Value, eventId, null, "association:" + associationId, supplierId.Value, data);
        var row = new JsonObject
        {
            ["supplierId"] = supplierId.Value,
            ["changeEventId"] = changeEventId.Value,
            ["eventId"] = eventId.Value,
            ["confirmedAt"] = UtcTimestamp.Format(tx.OccurredAt),
        };
        if (await intake.AcceptAsync(tx, [BankDetailsStore.Confirmed(supplierId, changeEventId, row)], cancellationToken) == AcceptOutcome.Accepted)
        {
            return Confirmed(row);
        }

        // A concurrent confirmation of the same change won: answer as it was recorded.
        return Confirmed((await store.GetConfirmationAsync(associationId, supplierId, changeEventId, cancellationToken))!);
    }

    /// <summary>
    /// The change in force of each supplier the association holds a contract with that it has not confirmed: the
    /// changes settlement holds its jobs for (<c>PayeeBank.MustHold</c>), read as settlement reads them. Costs one
    /// read of the association's contract rows and two point reads per supplier, whatever its history.
    /// </summary>
    public async Task<IReadOnlyList<PendingBankDetailsChange>> PendingAsync(AssociationId associationId, CancellationToken cancellationToken)
    {
        var supplierIds = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var contract in contracts.ListAsync(associationId, cancellationToken))
        {
            supplierIds.Add((string)contract.Terms["supplierId"]!);
        }

        var pending = new List<PendingBankDetailsChange>();
        foreach (var supplierId in supplierIds.Select(TypedId.Parse<SupplierId>))
        {
            if (await parties.GetSupplierAsync(supplierId, cancellationToken) is { } supplier
                && supplier.Payee.LatestChange is { } change
                && await store.GetConfirmationAsync(associationId, supplierId, change.EventId, cancellationToken) is null)
            {
                pending.Add(new PendingBankDetailsChange(supplierId.Value, (string?)supplier.Document["name"] ?? supplierId.Value, change.EventId.Value, UtcTimestamp.Format(change.OccurredAt)));
            }
        }

        return pending;
    }

    private static BankDetailsConfirmed.Confirmed Confirmed(JsonObject row) =>
        new(TypedId.Parse<EventId>((string)row["eventId"]!), (string)row["confirmedAt"]!);
}

/// <summary>A supplier's change of bank details that the association has yet to confirm before it pays the supplier again.</summary>
public sealed record PendingBankDetailsChange(string SupplierId, string SupplierName, string ChangeEventId, string OccurredAt);

/// <summary>How confirming a bank-detail change ended.</summary>
public abstract record BankDetailsConfirmed
{
    private BankDetailsConfirmed()
    {
    }

    /// <summary>Confirmed, now or before: the confirmation's event id and when it was recorded.</summary>
    public sealed record Confirmed(EventId EventId, string ConfirmedAt) : BankDetailsConfirmed;

    /// <summary>No such supplier, or none the association holds a contract with.</summary>
    public sealed record NoSupplier : BankDetailsConfirmed;

    /// <summary>The supplier has no change by that id.</summary>
    public sealed record NoChange : BankDetailsConfirmed;

    /// <summary>A later change replaced it; that one is the one to confirm.</summary>
    public sealed record Superseded(EventId Latest) : BankDetailsConfirmed;
}
