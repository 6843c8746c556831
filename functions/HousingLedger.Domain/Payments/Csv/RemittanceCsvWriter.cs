using System.Globalization;
using System.Text;
using HousingLedger.Values;

namespace HousingLedger.Payments.Csv;

/// <summary>
/// The remittance advice of a batch as RFC 4180 CSV in UTF-8 (no byte order mark): a header row, then one row per
/// settled job in batch order (supplier, then job). Written a row at a time, so a batch of any size streams
/// through. Amounts are whole pence written as integers, as the <c>_pence</c> column names say; rates are their
/// canonical strings (<c>0.05</c>, <c>0</c>).
/// </summary>
public static class RemittanceCsvWriter
{
    public const string FileName = "remittance.csv";

    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The header row's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "supplier_id", "job_id", "contract_id", "item_code", "quantity", "gross_pence", "discount_rate",
        "penalty_rate", "net_pence", "vat_pence", "payable_pence",
    ];

    /// <summary>The header row, the file's first bytes.</summary>
    public static byte[] Header() => Utf8.GetBytes(Rfc4180.Record(Columns));

    /// <summary>The row of <paramref name="line"/>, one of supplier <paramref name="supplierId"/>'s jobs.</summary>
    public static byte[] Row(string supplierId, RemittanceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Utf8.GetBytes(Rfc4180.Record(
        [
            supplierId,
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

    private static string Pence(Money amount) => amount.Pence.ToString(CultureInfo.InvariantCulture);
}
