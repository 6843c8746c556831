using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.Parties;

/// <summary>
/// The operator suspends an association, or lifts its suspension, recording <c>association.suspended</c> or
/// <c>association.reinstated</c> on the operator's chain. While it is suspended every one of its keys is refused
/// (<see cref="Access.ApiKeys"/>); its chain stays as it is, readable by the operator.
/// </summary>
public sealed class Suspension(PartyStore parties, EventIntake intake)
{
    public async Task<SuspensionSet> SetAsync(AssociationId associationId, bool suspended, EventId? eventId, CancellationToken cancellationToken)
    {
        var row = await parties.GetAssociationRowAsync(associationId, cancellationToken);
        if (row is null)
        {
            return new SuspensionSet.NoAssociation();
        }

        if (PartyStore.IsSuspended(new PartyProfile(row.Document)) == suspended)
        {
            return new SuspensionSet.Conflict(suspended ? $"Association '{associationId}' is suspended already." : $"Association '{associationId}' is not suspended.");
        }

        var type = suspended ? "association.suspended" : "association.reinstated";
        var tx = intake.NewTransaction(type, OperatorChain.Name, eventId, null, "operator", associationId.Value, new JsonObject { ["associationId"] = associationId.Value });
        return await intake.AcceptAsync(tx, [PartyStore.SuspensionSet(associationId, row, suspended)], cancellationToken) switch
        {
            AcceptOutcome.Accepted => new SuspensionSet.Recorded(TypedId.Parse<EventId>(tx.EventId)),
            AcceptOutcome.DuplicateEvent => new SuspensionSet.Conflict("The Idempotency-Key was used before."),
            _ => new SuspensionSet.Conflict($"Association '{associationId}' changed while this was being done; send the request again."),
        };
    }
}

/// <summary>How suspending an association, or lifting its suspension, ended.</summary>
public abstract record SuspensionSet
{
    private SuspensionSet()
    {
    }

    public sealed record Recorded(EventId EventId) : SuspensionSet;

    public sealed record NoAssociation : SuspensionSet;

    /// <summary>It is so already, or the event id was used before; nothing was recorded.</summary>
    public sealed record Conflict(string Reason) : SuspensionSet;
}
