using System.Text;

namespace HousingLedger.Payments.Bacs;

public sealed class Standard18WriterTests
{
    [Fact]
    public void Write_Record_PutsEachFieldAtItsPositions()
    {
        var transfer = SampleBatch.Transfer("sup_a", "RH0302A", SampleBatch.Line("job_a", net: 34500, vat: 6900)) with
        {
            Payee = new PaymentParty("Bright Spark", SampleBatch.Account("20-00-00", "55779911", "Bright Spark Ltd")),
        };

        var record = Records(Standard18Writer.Write(SampleBatch.Valid(transfer)).Value).Single();

        Assert.Equal(100, record.Length);
        Assert.Equal("200000", Field(record, 1, 6));
        Assert.Equal("55779911", Field(record, 7, 14));
        Assert.Equal("0", Field(record, 15, 15));
        Assert.Equal("99", Field(record, 16, 17));
        Assert.Equal("309634", Field(record, 18, 23));
        Assert.Equal("12345678", Field(record, 24, 31));
        Assert.Equal("    ", Field(record, 32, 35));
        Assert.Equal("00000041400", Field(record, 36, 46));
        Assert.Equal("RIVERSIDE HOMES   ", Field(record, 47, 64));
        Assert.Equal("RH0302A           ", Field(record, 65, 82));
        Assert.Equal("BRIGHT SPARK LTD  ", Field(record, 83, 100));
    }

    [Theory]
    [InlineData(1, "00000000001")]
    [InlineData(99, "00000000099")]
    [InlineData(100, "00000000100")]
    [InlineData(9_999_999_999, "09999999999")]
    [InlineData(99_999_999_999, "99999999999")]
    public void Write_Amount_IsPenceRightAlignedAndZeroFilled(long pence, string expected)
    {
        var batch = SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a", net: pence, vat: 0)));

        Assert.Equal(expected, Field(Records(Standard18Writer.Write(batch).Value).Single(), 36, 46));
    }

    [Theory]
    [InlineData(100_000_000_000)]
    [InlineData(PaymentBatch.MaxTotalPence - 1)]
    public void Write_AmountBeyondElevenDigits_IsRefusedNamingTheTransfer(long pence)
    {
        var batch = SampleBatch.Valid(
            SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a", net: 1, vat: 0)),
            SampleBatch.Transfer("sup_b", "REF002", SampleBatch.Line("job_b", net: pence, vat: 0, gross: pence)));

        var file = Standard18Writer.Write(batch);

        Assert.False(file.IsValid, $"{pence} pence was written into an 11-digit field");
        var error = Assert.Single(file.Errors);
        Assert.Equal("transfers[1].amount", error.Field);
        Assert.Contains(pence.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PayeeAccountNameWithNothingCarriable_IsRefused()
    {
        var transfer = SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a")) with
        {
            Payee = new PaymentParty("Zhang", SampleBatch.Account("200000", "55779911", "张力水管")),
        };

        var file = Standard18Writer.Write(SampleBatch.Valid(transfer));

        Assert.Equal(["transfers[0].payee.account.accountName"], file.Errors.Select(error => error.Field));
    }

    [Fact]
    public void Write_PayerNameWithNothingCarriable_IsRefused()
    {
        var batch = PaymentBatch.Create(
            "pb_x", "assoc_x", "run_x", SampleBatch.CreatedAt, SampleBatch.PaymentDate,
            SampleBatch.Payer with { Name = "住房协会" },
            [SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a"))]).Value;

        Assert.Equal(["payer.name"], Standard18Writer.Write(batch).Errors.Select(error => error.Field));
    }

    [Fact]
    public void Write_EveryRecord_EndsWithCrLf_TheLastIncluded()
    {
        var batch = SampleBatch.Valid(
            SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a")),
            SampleBatch.Transfer("sup_b", "REF002", SampleBatch.Line("job_b")));

        var text = Encoding.ASCII.GetString(Standard18Writer.Write(batch).Value.Content.Span);

        Assert.Equal(2 * 102, text.Length);
        Assert.Equal("\r\n", text[100..102]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    /// <summary>The records of a file, each without its CR LF.</summary>
    internal static IReadOnlyList<string> Records(PaymentFile file)
    {
        var text = Encoding.ASCII.GetString(file.Content.Span);
        Assert.EndsWith(Standard18Writer.RecordSeparator, text, StringComparison.Ordinal);
        return text[..^2].Split(Standard18Writer.RecordSeparator);
    }

    /// <summary>The characters at 1-based positions <paramref name="first"/> to <paramref name="last"/>, as BACS numbers them.</summary>
    private static string Field(string record, int first, int last) => record[(first - 1)..last];
}
