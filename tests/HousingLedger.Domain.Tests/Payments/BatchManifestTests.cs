using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.Payments;

public sealed class BatchManifestTests
{
    private static readonly PaymentFileDigest Csv = new PaymentFile("remittance.csv", "text/csv", "a,b\r\n"u8).Digest;

    private static readonly PaymentFileDigest Bacs = new PaymentFile("bacs18.txt", "text/plain", "x\r\n"u8).Digest;

    [Fact]
    public void Hash_IsSha256OfTheManifestBytesAsWritten()
    {
        var manifest = BatchManifest.Create(Batch(), [Csv]);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(manifest.File.Content.Span)), manifest.Hash);
        Assert.Equal("manifest.json", manifest.File.Name);
    }

    [Fact]
    public void Bytes_AreJcsCanonical()
    {
        var bytes = BatchManifest.Create(Batch(), [Csv, Bacs]).File.Content.ToArray();

        Assert.Equal(bytes, Jcs.Canonicalize(JsonNode.Parse(bytes)));
    }

    [Fact]
    public void Json_ListsEachFileWithItsHashAndSize()
    {
        var files = BatchManifest.Create(Batch(), [Csv, Bacs]).ToJson()["files"]!.AsObject();

        Assert.Equal(["remittance.csv", "bacs18.txt"], files.Select(file => file.Key));
        Assert.Equal(Csv.Sha256, (string?)files["remittance.csv"]!["sha256"]);
        Assert.Equal(5, (long?)files["remittance.csv"]!["size"]);
    }

    [Fact]
    public void Json_CarriesTheBatchFactsAndTotals()
    {
        var json = BatchManifest.Create(Batch(), [Csv]).ToJson();

        Assert.Equal(
            """{"batchId":"pb_sample","associationId":"assoc_riverside","runId":"run_0302","createdAt":"2026-03-02T02:00:00Z","paymentDate":"2026-03-04","totals":{"numberOfTransactions":2,"numberOfJobs":3,"controlSum":124200},"payeesWithRecentBankChanges":["sup_b"],"files":{"remittance.csv":{"sha256":"__","size":5}}}""".Replace("__", Csv.Sha256, StringComparison.Ordinal),
            json.ToJsonString());
    }

    [Fact]
    public void Create_SameFileNameTwice_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => BatchManifest.Create(Batch(), [Csv, Csv]));

    private static PaymentBatch Batch() => SampleBatch.Valid(
        SampleBatch.Transfer("sup_a", "REF001", SampleBatch.Line("job_1"), SampleBatch.Line("job_2")),
        SampleBatch.Transfer("sup_b", "REF002", SampleBatch.Line("job_3")) with { PayeeDetailsChangedRecently = true });
}
