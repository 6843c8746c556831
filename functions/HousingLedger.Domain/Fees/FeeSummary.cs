using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Payments.Csv;

namespace HousingLedger.Fees;

/// <summary>The operator's summary of one month's fees across associations: each association's statement in brief, and the totals. Immutable.</summary>
public sealed record FeeSummary(StatementMonth Month, IReadOnlyList<FeeStatement> Statements)
{
    /// <summary><c>month</c>, <c>associations</c> (<c>associationId</c>, <c>status</c>, <c>jobCount</c>, <c>totalFee</c>, and <c>statementSha256</c> when closed), <c>jobCount</c>, <c>totalFee</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["month"] = Month.ToString(),
        ["associations"] = new JsonArray([.. Statements.Select(statement =>
        {
            var brief = new JsonObject
            {
                ["associationId"] = statement.AssociationId.Value,
                ["status"] = statement.StatusText,
                ["jobCount"] = statement.JobCount,
                ["totalFee"] = statement.TotalFee.Pence,
            };
            if (statement.Status == FeeStatementStatus.Closed)
            {
                brief["statementSha256"] = statement.Sha256();
            }

            return (JsonNode)brief;
        })]),
        ["jobCount"] = Statements.Sum(statement => statement.JobCount),
        ["totalFee"] = Statements.Sum(statement => statement.TotalFee.Pence),
    };

    /// <summary>RFC 4180 CSV: a record per association, then a <c>total</c> record.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder(Rfc4180.Record(["month", "associationId", "status", "jobCount", "totalFeePence"]));
        foreach (var statement in Statements)
        {
            csv.Append(Rfc4180.Record([Month.ToString(), statement.AssociationId.Value, statement.StatusText, Number(statement.JobCount), Number(statement.TotalFee.Pence)]));
        }

        csv.Append(Rfc4180.Record([Month.ToString(), "total", "", Number(Statements.Sum(s => s.JobCount)), Number(Statements.Sum(s => s.TotalFee.Pence))]));
        return csv.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
