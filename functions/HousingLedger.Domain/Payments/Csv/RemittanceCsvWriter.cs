using System.Globalization;
using System.Text;
using HousingLedger.Values;

namespace HousingLedger.Payments.Csv;

/// <summary>
/// Writes the remittance advice of a batch as RFC 4180 CSV in UTF-8 (no byte order mark): a header row, then one
/// row per settled job in batch order (supplier, then job). Amounts are whole pence written as integers, as the
/// <c>_pence</c> column names say; rates are their canonical strings (<c>0.05</c>, <c>0</c>).
/// </summary>
public static class RemittanceCsvWriter
{
    public const string FileName = "remittance.csv";

    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The header row's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "supplier_id", "job_id", "contract_id", "item_code", "quantity", "gross_pence", "discount_rate",
        "penalty_rate", "net_pence", "vat_pence", "payable_pence",
    ];

    public static PaymentFile Write(PaymentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var csv = new StringBuilder(Rfc4180.Record(Columns));
        foreach (var transfer in batch.Transfers)
        {
            foreach (var line in transfer.Lines)
            {
                csv.Append(Rfc4180.Record(
                [
                    transfer.SupplierId,
                    line.JobId,
                    line.ContractId,
                    line.ItemCode,
                    line.Quantity.ToString(CultureInfo.InvariantCulture),
                    Pence(line.Gross),
                    line.DiscountRate.ToString(),
                    line.PenaltyRate.ToString(),
                    Pence(line.Net),
                    Pence(line.Vat),
                    Pence(line.Payable),
                ]));
            }
        }

        return new PaymentFile(FileName, ContentType, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString()));
    }

    private static string Pence(Money amount) => amount.Pence.ToString(CultureInfo.InvariantCulture);
}
