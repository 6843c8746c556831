using System.Globalization;
using System.Text;
using HousingLedger.Payments.Csv;
using HousingLedger.Values;

namespace HousingLedger.Spend;

/// <summary>
/// Spend lines as RFC 4180 CSV for finance's spreadsheets: a header, a record per line (a group part it does not
/// part by is empty), then a <c>total</c> record. Amounts in pence, as on the ledger.
/// </summary>
public static class SpendCsv
{
    public const string MediaType = "text/csv";

    public static string Write(IReadOnlyList<SpendLine> lines, SpendLine total)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(total);
        var csv = new StringBuilder(Rfc4180.Record(
            ["month", "supplierId", "contractId", "jobs", "listPricePence", "discountedPence", "penalisedPence", "netPence", "vatPence", "paidPence"]));
        foreach (var line in lines)
        {
            csv.Append(Record(line.Month?.ToString() ?? "", line.SupplierId?.Value ?? "", line.ContractId?.Value ?? "", line));
        }

        csv.Append(Record("total", "", "", total));
        return csv.ToString();
    }

    private static string Record(string month, string supplierId, string contractId, SpendLine line) => Rfc4180.Record(
        [month, supplierId, contractId, line.Jobs.ToString(CultureInfo.InvariantCulture),
            Pence(line.ListPrice), Pence(line.Discounted), Pence(line.Penalised), Pence(line.Net), Pence(line.Vat), Pence(line.Paid)]);

    private static string Pence(Money amount) => amount.Pence.ToString(CultureInfo.InvariantCulture);
}
