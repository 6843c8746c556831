using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace HousingLedger.Ledger;

/// <summary>
/// How fast <c>hl verify</c> checks an export of 10^6 transactions: <see cref="ChainExport.VerifyAsync"/> with a
/// <see cref="ChainVerifier"/>, which is all the command does besides printing one line. The export is generated
/// once, to a temp file (never committed): blocks of 98 transactions, as the appender writes them, each a
/// <c>job.completed</c> of about 330 bytes. SHA-256 over the same file, read the same way, is the reference: no
/// verifier reads and hashes the bytes faster than that.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ExportVerificationBenchmarks
{
    private const int TransactionsPerBlock = 98;

    private string export = string.Empty;
    private Jwks keys = null!;

    [Params(1_000_000)]
    public int Transactions { get; set; }

    [GlobalSetup]
    public async Task WriteExportAsync()
    {
        using var key = EcdsaSigningKey.Create();
        keys = new Jwks([await key.GetPublicKeyAsync()]);
        export = Path.Combine(Path.GetTempPath(), $"hl-bench-{Transactions}.jsonl");
        await using var file = new StreamWriter(export);
        ChainHead? head = null;
        var monday = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        for (var first = 0; first < Transactions; first += TransactionsPerBlock)
        {
            var transactions = Enumerable.Range(first, Math.Min(TransactionsPerBlock, Transactions - first)).Select(i => Completed(i, monday)).ToList();
            var block = await BlockSealer.SealAsync("assoc_riverside", head, transactions, monday.AddSeconds(first + TransactionsPerBlock), key);
            head = ChainHead.After(head, block);
            await file.WriteAsync(block.ToExportLine() + "\n");
        }
    }

    [GlobalCleanup]
    public void DeleteExport() => File.Delete(export);

    /// <summary>Reading the file and SHA-256 over every byte of it: the floor.</summary>
    [Benchmark(Baseline = true)]
    public async Task<byte[]> Sha256OverTheExport()
    {
        await using var file = File.OpenRead(export);
        return await SHA256.HashDataAsync(file);
    }

    /// <summary>What <c>hl verify</c> does: every line parsed, every transaction hashed, every block's root and signature checked.</summary>
    [Benchmark]
    public async Task<long> VerifyTheExport()
    {
        await using var file = new FileStream(export, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var result = await ChainExport.VerifyAsync(file, new ChainVerifier(keys.Find));
        return result.Valid ? result.Transactions : throw new InvalidOperationException($"the generated export failed: {result.Failure}");
    }

    private static LedgerTransaction Completed(int index, DateTimeOffset monday) => new(
        "job.completed",
        "assoc_riverside",
        $"msg_complete_{index:D7}",
        monday.AddSeconds(index),
        monday.AddSeconds(index).AddMilliseconds(250),
        "supplier:sup_brightfix",
        $"job:job_{index:D7}",
        new JsonObject
        {
            ["serialNumber"] = $"BX-600-{index:D7}",
            ["photoHashes"] = new JsonArray("5d41402abc4b2a76b9719d911017c592ae1b2b0c6e0f2a4d3c8c1b0e5a7d6f4b"),
        });
}
