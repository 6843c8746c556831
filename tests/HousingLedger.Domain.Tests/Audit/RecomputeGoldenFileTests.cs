using HousingLedger.Ledger;

namespace HousingLedger.Audit;

/// <summary>
/// The golden exports under testdata/recompute, read as <c>hl recompute</c> reads them: each verifies as a chain,
/// and recomputing them finds exactly what their <c>expected.txt</c> says. Set
/// <c>HOUSINGLEDGER_REGENERATE_TESTDATA=1</c> to rewrite them from <see cref="RecomputeGoldenFiles"/> after a
/// deliberate change; otherwise any drift fails.
/// </summary>
public sealed class RecomputeGoldenFileTests
{
    public static TheoryData<string> CaseNames() => new(RecomputeGoldenFiles.Cases().Select(golden => golden.Name));

    [Fact]
    public async Task GoldenExports_AreWhatTheGeneratorProduces()
    {
        GoldenTestData.CompareOrRegenerate(await RecomputeGoldenFiles.FilesAsync(), GoldenTestData.WithoutSignatures);
        Assert.Equal(
            RecomputeGoldenFiles.Cases().Select(golden => golden.Name).Order(StringComparer.Ordinal),
            Directory.EnumerateDirectories(LedgerTestData.PathOf("recompute")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GoldenExports_VerifyAsSignedChains(string name)
    {
        foreach (var (chain, blocks) in Exports(name))
        {
            var verifier = new ChainVerifier(chain, ChainSamples.PublishedKeys().Find);
            foreach (var block in blocks)
            {
                verifier.Add(block);
            }

            Assert.True(verifier.Result.Valid, $"{name}/{chain}.jsonl does not verify: {verifier.Result.ToJson().ToJsonString()}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Recompute_GoldenExports_FindsWhatExpectedSays(string name)
    {
        var exports = Exports(name).Select(export => export.Blocks.SelectMany(block => block.Transactions));

        var outcome = Recompute.Run(exports, Recompute.Checks(null));

        var found = string.Concat(new[] { outcome.GetType().Name }.Concat(outcome.Findings.Select(finding => finding.Describe())).Select(line => line + "\n"));
        var expected = File.ReadAllText(LedgerTestData.PathOf("recompute", name, "expected.txt"));
        Assert.True(expected == found, $"recompute/{name}: expected\n{expected}found\n{found}");
    }

    // The case's exports in file-name order, each read line by line as hl reads one.
    private static IEnumerable<(string Chain, IEnumerable<Block> Blocks)> Exports(string name) =>
        Directory.EnumerateFiles(LedgerTestData.PathOf("recompute", name), "*.jsonl")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadLines(path).Select(line => Block.FromExportLine(line).Value)));
}
