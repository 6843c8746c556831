using System.Globalization;
using System.Text.Json;
using HousingLedger.Payments.Csv;
using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>
/// The golden payment cases under <c>testdata/payments/{case}/</c>: a <c>batch.json</c> describing the batch and
/// every remittance line, and the files the writers must produce from it, byte for byte. Set <c>HL_UPDATE_GOLDEN=1</c> to rewrite the
/// expected files in the source tree from the current writers (then read the diff before committing it).
/// </summary>
internal static class PaymentTestData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "testdata", .. parts]);

    public static IReadOnlyList<string> CaseNames() =>
        [.. Directory.EnumerateDirectories(PathOf("payments")).Select(folder => Path.GetFileName(folder)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Cases() => new(CaseNames());

    public static PaymentBatch ReadBatch(string caseName) => ReadCase(caseName).Batch;

    /// <summary>The case's batch, and its remittance CSV written as settlement streams it: transfer by transfer, each supplier's lines in job id order.</summary>
    public static (PaymentBatch Batch, PaymentFile Remittance) ReadCase(string caseName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(PathOf("payments", caseName, "batch.json")));
        var root = document.RootElement;
        var suppliers = root.GetProperty("transfers").EnumerateArray().Select(ReadSupplier).ToList();
        var batch = PaymentBatch.Create(
            root.GetProperty("batchId").GetString()!,
            root.GetProperty("associationId").GetString()!,
            root.GetProperty("runId").GetString()!,
            DateTimeOffset.Parse(root.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture),
            DateOnly.ParseExact(root.GetProperty("paymentDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReadParty(root.GetProperty("payer"), "payer"),
            suppliers.Select(supplier => supplier.Transfer));
        Assert.True(batch.IsValid, $"{caseName}/batch.json was refused: {SampleBatch.Describe(batch.Errors)}");

        using var csv = new MemoryStream();
        csv.Write(RemittanceCsvWriter.Header());
        foreach (var transfer in batch.Value.Transfers)
        {
            foreach (var line in suppliers.Single(supplier => supplier.Transfer.SupplierId == transfer.SupplierId).Lines)
            {
                csv.Write(RemittanceCsvWriter.Row(transfer.SupplierId, line));
            }
        }

        return (batch.Value, new PaymentFile(RemittanceCsvWriter.FileName, RemittanceCsvWriter.ContentType, csv.ToArray()));
    }

    /// <summary>Asserts <paramref name="actual"/> equals the expected file, or rewrites it when asked to.</summary>
    public static void AssertGolden(string caseName, PaymentFile actual)
    {
        if (Environment.GetEnvironmentVariable("HL_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(SourceTree.TestProject, "testdata", "payments", caseName, actual.Name);
            File.WriteAllBytes(source, actual.Content.ToArray());
            return;
        }

        var expected = File.ReadAllBytes(PathOf("payments", caseName, actual.Name));
        var differsAt = FirstDifference(expected, actual.Content.Span);
        Assert.True(
            differsAt < 0,
            $"{caseName}/{actual.Name} differs from the golden file at byte {differsAt} (expected {expected.Length} bytes, wrote {actual.Size}):\n"
            + $"expected: {Around(expected, differsAt)}\nwritten:  {Around(actual.Content.Span, differsAt)}");
    }

    private static int FirstDifference(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var common = expected.CommonPrefixLength(actual);
        return common == expected.Length && common == actual.Length ? -1 : common;
    }

    private static string Around(ReadOnlySpan<byte> bytes, int index)
    {
        var start = Math.Max(0, index - 20);
        var end = Math.Min(bytes.Length, index + 20);
        return JsonSerializer.Serialize(System.Text.Encoding.UTF8.GetString(bytes[start..end]));
    }

    private static PaymentParty ReadParty(JsonElement party, string path)
    {
        var account = BankAccount.Parse(party.GetProperty("bank"), path + ".bank");
        Assert.True(account.IsValid, SampleBatch.Describe(account.Errors));
        return new PaymentParty(party.GetProperty("name").GetString()!, account.Value);
    }

    private static (CreditTransfer Transfer, List<RemittanceLine> Lines) ReadSupplier(JsonElement transfer, int index)
    {
        var lines = transfer.GetProperty("lines").EnumerateArray().Select(ReadLine).OrderBy(line => line.JobId, StringComparer.Ordinal).ToList();
        var supplierId = transfer.GetProperty("supplierId").GetString()!;
        var credit = SampleBatch.Transfer(supplierId, transfer.GetProperty("endToEndReference").GetString()!, [.. lines]) with
        {
            Payee = ReadParty(transfer.GetProperty("payee"), $"transfers[{index}].payee"),
            PayeeDetailsChangedRecently = transfer.GetProperty("payeeDetailsChangedRecently").GetBoolean(),
        };
        return (credit, lines);
    }

    private static RemittanceLine ReadLine(JsonElement line) => new(
        line.GetProperty("jobId").GetString()!,
        line.GetProperty("contractId").GetString()!,
        line.GetProperty("itemCode").GetString()!,
        line.GetProperty("quantity").GetInt32(),
        Money.FromPence(line.GetProperty("gross").GetInt64()),
        ReadRate(line.GetProperty("discountRate")),
        ReadRate(line.GetProperty("penaltyRate")),
        Money.FromPence(line.GetProperty("net").GetInt64()),
        Money.FromPence(line.GetProperty("vat").GetInt64()));

    private static Rate ReadRate(JsonElement rate)
    {
        Assert.True(Rate.TryParse(rate.GetString(), out var parsed), $"'{rate}' is not a rate");
        return parsed;
    }
}
