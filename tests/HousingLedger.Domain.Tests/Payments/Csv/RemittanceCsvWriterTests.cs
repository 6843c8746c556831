using System.Text;
using HousingLedger.Values;

namespace HousingLedger.Payments.Csv;

public sealed class RemittanceCsvWriterTests
{
    [Fact]
    public void Header_NamesTheUnitsOfAmounts() =>
        Assert.Equal(
            "supplier_id,job_id,contract_id,item_code,quantity,gross_pence,discount_rate,penalty_rate,net_pence,vat_pence,payable_pence\r\n",
            Encoding.UTF8.GetString(RemittanceCsvWriter.Header()));

    [Fact]
    public void Row_HasPenceAsIntegersAndCanonicalRates()
    {
        Assert.True(Rate.TryParse("0.050", out var discount));
        Assert.True(Rate.TryParse("0.20", out var penalty));
        var line = new RemittanceLine("job_a", "con_a", "OVEN-600", 3, Money.FromPence(103500), discount, penalty, Money.FromPence(78660), Money.FromPence(15732));

        Assert.Equal("sup_a,job_a,con_a,OVEN-600,3,103500,0.05,0.2,78660,15732,94392\r\n", Row("sup_a", line));
    }

    [Fact]
    public void Row_ItemCodeWithCommaAndQuotes_IsQuotedWithQuotesDoubled()
    {
        var line = SampleBatch.Line("job_a") with { ItemCode = "OVEN \"600\", SINGLE" };

        Assert.Equal("sup_a,job_a,con_ovens,\"OVEN \"\"600\"\", SINGLE\",1,34500,0,0,34500,6900,41400\r\n", Row("sup_a", line));
    }

    [Fact]
    public void Row_IsUtf8WithoutAByteOrderMark() =>
        Assert.Equal("sup_a,job_a,con_ovens,FOUR-À-GAZ,1,34500,0,0,34500,6900,41400\r\n"u8.ToArray(), RemittanceCsvWriter.Row("sup_a", SampleBatch.Line("job_a") with { ItemCode = "FOUR-À-GAZ" }));

    private static string Row(string supplierId, RemittanceLine line) => Encoding.UTF8.GetString(RemittanceCsvWriter.Row(supplierId, line));
}
