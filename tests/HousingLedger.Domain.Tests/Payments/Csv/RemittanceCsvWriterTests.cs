using System.Text;
using HousingLedger.Values;

namespace HousingLedger.Payments.Csv;

public sealed class RemittanceCsvWriterTests
{
    [Fact]
    public void Write_HeaderNamesTheUnitsOfAmounts() =>
        Assert.StartsWith(
            "supplier_id,job_id,contract_id,item_code,quantity,gross_pence,discount_rate,penalty_rate,net_pence,vat_pence,payable_pence\r\n",
            Text(SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a")))),
            StringComparison.Ordinal);

    [Fact]
    public void Write_OneRowPerJob_InSupplierThenJobOrder()
    {
        var batch = SampleBatch.Valid(
            SampleBatch.Transfer("sup_b", "REF002", SampleBatch.Line("job_3"), SampleBatch.Line("job_1")),
            SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_2")));

        var rows = Text(batch).Split("\r\n")[1..^1];

        Assert.Equal(["sup_a,job_2", "sup_b,job_1", "sup_b,job_3"], rows.Select(row => string.Join(',', row.Split(',')[..2])));
    }

    [Fact]
    public void Write_Row_HasPenceAsIntegersAndCanonicalRates()
    {
        Assert.True(Rate.TryParse("0.050", out var discount));
        Assert.True(Rate.TryParse("0.20", out var penalty));
        var line = new RemittanceLine("job_a", "con_a", "OVEN-600", 3, Money.FromPence(103500), discount, penalty, Money.FromPence(78660), Money.FromPence(15732));

        var row = Text(SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", line))).Split("\r\n")[1];

        Assert.Equal("sup_a,job_a,con_a,OVEN-600,3,103500,0.05,0.2,78660,15732,94392", row);
    }

    [Fact]
    public void Write_ItemCodeWithCommaAndQuotes_IsQuotedWithQuotesDoubled()
    {
        var line = SampleBatch.Line("job_a") with { ItemCode = "OVEN \"600\", SINGLE" };

        var row = Text(SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", line))).Split("\r\n")[1];

        Assert.Equal("sup_a,job_a,con_ovens,\"OVEN \"\"600\"\", SINGLE\",1,34500,0,0,34500,6900,41400", row);
    }

    private static string Text(PaymentBatch batch)
    {
        var file = RemittanceCsvWriter.Write(batch);
        Assert.Equal("remittance.csv", file.Name);
        return Encoding.UTF8.GetString(file.Content.Span);
    }
}
