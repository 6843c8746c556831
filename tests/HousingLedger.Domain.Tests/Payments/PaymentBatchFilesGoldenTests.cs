using HousingLedger.Payments.Bacs;
using HousingLedger.Payments.Csv;
using HousingLedger.Payments.Iso20022;

namespace HousingLedger.Payments;

/// <summary>Every file of every golden case under <c>testdata/payments</c>, compared byte for byte.</summary>
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
        var files = PaymentBatchFiles.Write(PaymentTestData.ReadBatch(caseName));

        Assert.True(files.IsValid, SampleBatch.Describe(files.Errors));
        PaymentTestData.AssertGolden(caseName, Assert.Single(files.Value.Files, file => file.Name == fileName));
    }

    [Fact]
    public void Write_ListsFilesInStorageOrder_WithTheManifestLast() =>
        Assert.Equal(
            [Pain001Writer.FileName, Standard18Writer.FileName, RemittanceCsvWriter.FileName, BatchManifest.FileName],
            PaymentBatchFiles.Write(PaymentTestData.ReadBatch("one-transfer")).Value.Files.Select(file => file.Name));

    [Fact]
    public void Write_BatchBacsCannotCarry_WritesNothingAndSaysWhy()
    {
        var batch = SampleBatch.Valid(SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_a", net: Standard18Writer.MaxAmountPence, vat: 1)));

        var files = PaymentBatchFiles.Write(batch);

        Assert.False(files.IsValid, "a batch with an amount beyond the BACS field was written");
        Assert.Equal("transfers[0].amount", Assert.Single(files.Errors).Field);
    }
}
