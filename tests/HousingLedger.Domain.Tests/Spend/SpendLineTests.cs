using HousingLedger.Fees;

namespace HousingLedger.Spend;

public sealed class SpendLineTests
{
    private static readonly JobSpend[] Jobs =
    [
        JobSpendTests.Of(1000, "0", "0", 1000, 200, "sup_a", "con_a1", Month("2026-03")),
        JobSpendTests.Of(2000, "0", "0", 2000, 400, "sup_a", "con_a2", Month("2026-03")),
        JobSpendTests.Of(4000, "0", "0", 4000, 800, "sup_b", "con_b1", Month("2026-02")),
        JobSpendTests.Of(8000, "0", "0", 8000, 1600, "sup_a", "con_a1", Month("2026-04")),
    ];

    [Theory]
    [InlineData(SpendGrouping.All, "2026-02 sup_b con_b1 4000|2026-03 sup_a con_a1 1000|2026-03 sup_a con_a2 2000|2026-04 sup_a con_a1 8000")]
    [InlineData(SpendGrouping.Month, "2026-02 - - 4000|2026-03 - - 3000|2026-04 - - 8000")]
    [InlineData(SpendGrouping.Supplier, "- sup_a - 11000|- sup_b - 4000")]
    [InlineData(SpendGrouping.Contract, "- sup_a con_a1 9000|- sup_a con_a2 2000|- sup_b con_b1 4000")]
    public void Group_SumsEachGroup_InMonthSupplierContractOrder(SpendGrouping grouping, string expected)
    {
        var (lines, total) = SpendLine.Group(Jobs, grouping);
        Assert.Equal(expected, string.Join("|", lines.Select(l => $"{l.Month?.ToString() ?? "-"} {l.SupplierId?.Value ?? "-"} {l.ContractId?.Value ?? "-"} {l.Net.Pence}")));
        Assert.Equal((4, 15_000, 3_000, 18_000), (total.Jobs, total.Net.Pence, total.Vat.Pence, total.Paid.Pence));
        Assert.Equal(total.Paid, lines.Aggregate(Values.Money.Zero, (sum, line) => sum + line.Paid));
    }

    [Fact]
    public void SpendCsv_WritesAHeader_ARecordPerLine_AndTheTotal()
    {
        var (lines, total) = SpendLine.Group(Jobs.Take(1), SpendGrouping.Month);
        Assert.Equal(
            "month,supplierId,contractId,jobs,listPricePence,discountedPence,penalisedPence,netPence,vatPence,paidPence\r\n"
            + "2026-03,,,1,1000,0,0,1000,200,1200\r\n"
            + "total,,,1,1000,0,0,1000,200,1200\r\n",
            SpendCsv.Write(lines, total));
    }

    private static StatementMonth Month(string text) => StatementMonth.TryParse(text, out var month) ? month : throw new ArgumentException(text);
}
