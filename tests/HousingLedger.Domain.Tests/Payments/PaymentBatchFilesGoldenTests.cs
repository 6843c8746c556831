using HousingLedger.Payments.Bacs;
using HousingLedger.Payments.Csv;
using HousingLedger.Payments.Iso20022;

namespace HousingLedger.Payments;

/// <summary>Every file of every golden case under <c>testdata/payments</c>, written as settlement writes them, compared byte for byte.</summary>
public sealed class PaymentBatchFilesGoldenTests
{
    public static TheoryData<string, string> CaseFiles()
    {
        var rows = new TheoryData<string, string>();
        foreach (var caseName in PaymentTestData.CaseNames())
        {
            foreach (var file in new[] { Standard18Writer.FileName, RemittanceCsvWriter.FileName, Pain001Writer.FileName, BatchManifest.FileName })
            {
                rows.Add(caseName, file);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Write_GoldenBatch_ProducesTheGoldenFile(string caseName, string fileName)
    {
        var (batch, remittance) = PaymentTestData.ReadCase(caseName);
        var bank = BankFiles.Write(batch);
        Assert.True(bank.IsValid, SampleBatch.Describe(bank.Errors));
        var manifest = BatchManifest.Create(batch, [bank.Value.Pain001.Digest, bank.Value.Bacs.Digest, remittance.Digest]);

        PaymentTestData.AssertGolden(caseName, Assert.Single([.. bank.Value.Files, remittance, manifest.File], file => file.Name == fileName));
    }

    [Fact]
    public void Write_BankFiles_AreThePain001ThenTheBacsRecords() =>
        Assert.Equal(
            [Pain001Writer.FileName, Standard18Writer.FileName],
            BankFiles.Write(PaymentTestData.ReadBatch("one-transfer")).Value.Files.Select(file => file.Name));

    [Fact]
    public void Write_BatchBacsCannotCarry_WritesNothingAndSaysWhy()
    {
        var batch = SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a", net: Standard18Writer.MaxAmountPence, vat: 1)));

        var files = BankFiles.Write(batch);

        Assert.False(files.IsValid, "a batch with an amount beyond the BACS field was written");
        Assert.Equal("transfers[0].amount", Assert.Single(files.Errors).Field);
    }
}
