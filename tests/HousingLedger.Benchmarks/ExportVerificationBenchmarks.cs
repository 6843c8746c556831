using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace HousingLedger.Ledger;

/// <summary>
/// How fast <c>hl verify</c> checks an export of 10^6 transactions: <see cref="ChainExport.VerifyAsync"/> with a
/// <see cref="ChainVerifier"/>, which is all the command does besides printing one line. The export is generated
/// once, to a temp file (never committed), by <see cref="SampleExport"/>. SHA-256 over the same file, read the
/// same way, is the reference: no verifier reads and hashes the bytes faster than that.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ExportVerificationBenchmarks
{
    private string export = string.Empty;
    private Jwks keys = null!;

    [Params(1_000_000)]
    public int Transactions { get; set; }

    [GlobalSetup]
    public async Task WriteExportAsync()
    {
        export = Path.Combine(Path.GetTempPath(), $"hl-bench-{Transactions}.jsonl");
        keys = await SampleExport.WriteAsync(export, Transactions);
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
        using var verifier = new ChainVerifier(keys.Find);
        var result = await ChainExport.VerifyAsync(file, verifier);
        return result.Valid ? result.Transactions : throw new InvalidOperationException($"the generated export failed: {result.Failure}");
    }
}
