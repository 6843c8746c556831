using System.Text.Json.Nodes;
using HousingLedger.Fees;

namespace HousingLedger.Audit;

/// <summary>
/// Recomputes every closed fee statement on the chains given (SPEC §9): the statement each
/// <c>fee.statementClosed</c> fixes, worked out from the chain alone by <see cref="FeeLedger"/> (the service's own
/// rules), must have the recorded <c>jobCount</c>, <c>totalFee</c> and <c>statementSha256</c>. Closes must also
/// follow one another as the rules need: each month after the one before, and a tree size that never shrinks and
/// lies before the close itself. Thread-safe.
/// </summary>
public sealed class FeeStatementCheck : IAuditCheck
{
    public IEnumerable<AuditFinding> Check(ChainsUnderAudit chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        return chains.Fees.Values.SelectMany(Check);
    }

    private static IEnumerable<AuditFinding> Check(FeeLedger fees)
    {
        RecordedClose? previous = null;
        foreach (var recorded in fees.Closes)
        {
            if (Misplaced(fees.AssociationId.Value, recorded, previous) is { } misplaced)
            {
                yield return misplaced;
            }

            var close = recorded.Close;
            var again = fees.Statement(close.Month).ToClose();
            foreach (var (figure, was, now) in Figures(close, again).Where(figure => figure.Recorded != figure.Rederived))
            {
                yield return new AuditFinding.StatementDifference(fees.AssociationId, close.Month.ToString(), figure, was, now);
            }

            previous = recorded;
        }
    }

    private static AuditFinding.Irregularity? Misplaced(string chain, RecordedClose recorded, RecordedClose? previous)
    {
        var close = recorded.Close;
        if (previous is { } before && close.Month <= before.Close.Month)
        {
            return new(chain, recorded.EventId, "data.month", $"expected a month after {before.Close.Month}, closed earlier on the chain; found {close.Month}");
        }

        if (previous is { } earlier && close.TreeSize < earlier.Close.TreeSize)
        {
            return new(chain, recorded.EventId, "data.treeSize", $"expected at least {earlier.Close.TreeSize}, the tree size of the close before; found {close.TreeSize}");
        }

        return close.TreeSize > recorded.LeafIndex
            ? new(chain, recorded.EventId, "data.treeSize", $"expected at most {recorded.LeafIndex}, the close's own leaf index; found {close.TreeSize}")
            : null;
    }

    private static IEnumerable<(string Figure, string Recorded, string Rederived)> Figures(StatementClosed recorded, StatementClosed again)
    {
        var (was, now) = (recorded.ToLedgerData(), again.ToLedgerData());
        return ((IEnumerable<string>)["jobCount", "totalFee", "statementSha256"]).Select(name => (name, Json(was[name]), Json(now[name])));
    }

    private static string Json(JsonNode? value) => value!.ToJsonString();
}
