using System.Globalization;
using System.Text;
using HousingLedger.Payments.Csv;
using HousingLedger.Values;

namespace HousingLedger.Fees;

/// <summary>
/// A fee statement as RFC 4180 CSV for finance's spreadsheets: a header, a record per job, then a <c>total</c>
/// record with the job count and total fee. Amounts in pence, as on the ledger.
/// </summary>
public static class FeeStatementCsv
{
    public const string MediaType = "text/csv";

    public static string Write(FeeStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var csv = new StringBuilder(Rfc4180.Record(["associationId", "month", "status", "jobId", "eventId", "recordedAt", "feePence"]));
        string[] prefix = [statement.AssociationId.Value, statement.Month.ToString(), statement.StatusText];
        foreach (var line in statement.Lines)
        {
            csv.Append(Rfc4180.Record([.. prefix, line.JobId.Value, line.EventId, UtcTimestamp.Format(line.RecordedAt), Pence(line.Fee)]));
        }

        csv.Append(Rfc4180.Record([.. prefix, "total", Count(statement.JobCount) + " jobs", "", Pence(statement.TotalFee)]));
        return csv.ToString();
    }

    private static string Pence(Money amount) => amount.Pence.ToString(CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
