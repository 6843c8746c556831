using System.Text.Json.Nodes;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// The one row that orders the closing of an association's fee statements: <c>feestatements|closed</c>, the last
/// close accepted (its month, tree size and event id). Every close replaces it against the version read before the
/// statement was worked out, in the same transaction as the close's event, so closes are accepted one after another
/// and each is worked out knowing every close before it.
/// </summary>
public sealed class FeeStatementStore(StateStore state)
{
    private const string ClosedKey = "feestatements|closed";

    /// <summary>The last close accepted for the association; null when none is.</summary>
    public async Task<LastClose?> GetLastCloseAsync(AssociationId associationId, CancellationToken cancellationToken = default) =>
        await state.GetAsync(associationId.Value, ClosedKey, cancellationToken) is { } row
            ? new LastClose((string)row.Document["month"]!, (string)row.Document["eventId"]!, row.Version)
            : null;

    /// <summary>The row written with a close of <paramref name="month"/>: created for the first close, else replaced as <paramref name="read"/> was read.</summary>
    public static StateChange Closed(string month, string eventId, LastClose? read)
    {
        var document = new JsonObject { ["month"] = month, ["eventId"] = eventId };
        return read is null ? StateChange.Create(ClosedKey, document) : StateChange.Replace(ClosedKey, document, read.Version);
    }
}

/// <summary>The last fee statement close accepted for an association, and the version of the row that says so.</summary>
public sealed record LastClose(string Month, string EventId, string Version);
