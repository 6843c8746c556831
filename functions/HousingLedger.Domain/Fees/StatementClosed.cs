using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Fees;

/// <summary>
/// The data of a <c>fee.statementClosed</c> transaction: the month closed, the tree size whose transactions the
/// statement covers, its job count and total, and the SHA-256 of its canonical JSON (<see cref="FeeStatement.Sha256"/>).
/// Immutable.
/// </summary>
public sealed record StatementClosed(StatementMonth Month, long TreeSize, int JobCount, Money TotalFee, string StatementSha256)
{
    public const string Type = "fee.statementClosed";

    private static readonly string[] Members = ["month", "treeSize", "jobCount", "totalFee", "statementSha256"];

    /// <summary>The close's event id, one per association and month, so a month is closed at most once however often closing is tried.</summary>
    public static string EventIdOf(StatementMonth month) => "feeclose_" + month;

    /// <summary>The close's <c>subject</c>: the statement it closes.</summary>
    public static string SubjectOf(StatementMonth month) => "feestatement_" + month;

    public JsonObject ToLedgerData() => new()
    {
        ["month"] = Month.ToString(),
        ["treeSize"] = TreeSize,
        ["jobCount"] = JobCount,
        ["totalFee"] = TotalFee.Pence,
        ["statementSha256"] = StatementSha256,
    };

    /// <summary>Reads a <c>fee.statementClosed</c> transaction's data back; field errors name <c>data.…</c>.</summary>
    public static Validated<StatementClosed> FromLedgerData(JsonObject data) => LedgerDocument.Read(data, "data", Members, Read);

    private static StatementClosed? Read(JsonObjectReader fields)
    {
        var text = fields.Text("month");
        StatementMonth month = default;
        if (text is not null && !StatementMonth.TryParse(text, out month))
        {
            fields.Add("month", "must be " + StatementMonth.Rule);
        }

        var treeSize = fields.Integer("treeSize", 0, SafeIntegers.Largest);
        var jobCount = fields.Integer("jobCount", 0, int.MaxValue);
        var total = fields.Integer("totalFee", 0, SafeIntegers.Largest);
        var hash = fields.Hash("statementSha256");
        return fields.IsValid ? new StatementClosed(month, treeSize!.Value, (int)jobCount!.Value, Money.FromPence(total!.Value), hash!) : null;
    }
}
