using System.Globalization;
using System.Xml.Linq;

namespace HousingLedger.Payments.Iso20022;

public sealed class Pain001WriterTests
{
    private static readonly XNamespace Iso = Pain001Writer.Namespace;

    public static TheoryData<string> Cases() => PaymentTestData.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_GoldenBatch_IsValidAgainstTheOfficialSchema(string caseName)
    {
        var document = Pain001Writer.Write(PaymentTestData.ReadBatch(caseName));

        Assert.Empty(Pain001Schema.Problems(document.Content));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_GoldenBatch_TotalsAgreeWithTheTransfers(string caseName)
    {
        var batch = PaymentTestData.ReadBatch(caseName);
        var xml = Parse(Pain001Writer.Write(batch));

        var amounts = xml.Descendants(Iso + "InstdAmt").Select(amount => decimal.Parse(amount.Value, CultureInfo.InvariantCulture)).ToList();
        var expectedSum = (batch.ControlSum.Pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var header in new[] { xml.Descendants(Iso + "GrpHdr").Single(), xml.Descendants(Iso + "PmtInf").Single() })
        {
            Assert.Equal(amounts.Count.ToString(CultureInfo.InvariantCulture), header.Element(Iso + "NbOfTxs")!.Value);
            Assert.Equal(batch.NumberOfTransactions, amounts.Count);
            Assert.Equal(expectedSum, header.Element(Iso + "CtrlSum")!.Value);
            Assert.Equal(amounts.Sum(), decimal.Parse(header.Element(Iso + "CtrlSum")!.Value, CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(1, "0.01")]
    [InlineData(10, "0.10")]
    [InlineData(34500, "345.00")]
    [InlineData(99_999_999_999, "999999999.99")]
    public void Write_Amount_IsPoundsWithTwoDecimalsInGbp(long pence, string expected)
    {
        var batch = SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a", net: pence, vat: 0)));

        var amount = Parse(Pain001Writer.Write(batch)).Descendants(Iso + "InstdAmt").Single();

        Assert.Equal(expected, amount.Value);
        Assert.Equal("GBP", amount.Attribute("Ccy")?.Value);
    }

    [Fact]
    public void Write_LargestBatchTotal_StillFitsTheSchema()
    {
        var batch = SampleBatch.Valid(
            SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a", net: PaymentBatch.MaxTotalPence - 1, vat: 0, gross: PaymentBatch.MaxTotalPence)),
            SampleBatch.Transfer("sup_b", "REF002", SampleBatch.Line("job_b", net: 1, vat: 0)));

        var document = Pain001Writer.Write(batch);

        Assert.Empty(Pain001Schema.Problems(document.Content));
        Assert.Equal("90071992547409.91", Parse(document).Descendants(Iso + "CtrlSum").First().Value);
    }

    [Fact]
    public void Write_Accounts_CarrySortCodeAsGbdscMemberAndAccountNumberAsOtherId()
    {
        var batch = SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a")));
        var xml = Parse(Pain001Writer.Write(batch));

        var debtorAgent = xml.Descendants(Iso + "DbtrAgt").Single().Descendants(Iso + "ClrSysMmbId").Single();
        var creditorAgent = xml.Descendants(Iso + "CdtrAgt").Single().Descendants(Iso + "ClrSysMmbId").Single();
        Assert.Equal(("GBDSC", "309634"), (debtorAgent.Descendants(Iso + "Cd").Single().Value, debtorAgent.Element(Iso + "MmbId")!.Value));
        Assert.Equal(("GBDSC", "200000"), (creditorAgent.Descendants(Iso + "Cd").Single().Value, creditorAgent.Element(Iso + "MmbId")!.Value));
        Assert.Equal("12345678", xml.Descendants(Iso + "DbtrAcct").Single().Descendants(Iso + "Othr").Single().Element(Iso + "Id")!.Value);
        Assert.Equal("55779911", xml.Descendants(Iso + "CdtrAcct").Single().Descendants(Iso + "Othr").Single().Element(Iso + "Id")!.Value);
        Assert.Equal("Riverside Homes Ltd", xml.Descendants(Iso + "DbtrAcct").Single().Element(Iso + "Nm")!.Value);
    }

    [Fact]
    public void Write_NamesNeedingEscapes_ReadBackUnchanged()
    {
        const string name = "Smith & Sons <Heating> \"Ltd\" — Ffŵrn Élan";
        var transfer = SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a")) with
        {
            Payee = new PaymentParty(name, SampleBatch.Account("200000", "55779911", name)),
        };

        var document = Pain001Writer.Write(SampleBatch.Valid(transfer));

        Assert.Empty(Pain001Schema.Problems(document.Content));
        Assert.Equal(name, Parse(document).Descendants(Iso + "Cdtr").Single().Element(Iso + "Nm")!.Value);
    }

    [Fact]
    public void Write_Document_IsUtf8WithoutByteOrderMarkAndSaysSo()
    {
        var bytes = Pain001Writer.Write(SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a")))).Content.ToArray();

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Transfer_IdentifiesItByItsReferenceAndListsItsJobs()
    {
        var batch = SampleBatch.Valid(SampleBatch.Transfer("sup_a", "RH0302A", SampleBatch.Line("job_a"), SampleBatch.Line("job_b")));
        var transfer = Parse(Pain001Writer.Write(batch)).Descendants(Iso + "CdtTrfTxInf").Single();

        Assert.Equal("RH0302A", transfer.Descendants(Iso + "EndToEndId").Single().Value);
        Assert.Equal("Jobs job_a job_b", transfer.Descendants(Iso + "Ustrd").Single().Value);
        Assert.Equal("pb_sample", Parse(Pain001Writer.Write(batch)).Descendants(Iso + "MsgId").Single().Value);
    }

    private static XDocument Parse(PaymentFile file)
    {
        using var stream = new MemoryStream(file.Content.ToArray());
        return XDocument.Load(stream);
    }
}
