namespace HousingLedger.Cli;

/// <summary>
/// <c>hl recompute</c> over the domain's golden recompute cases: what each finds is what the case expects, with the exit
/// code an auditor's script reads (0 only when every figure holds).
/// </summary>
public sealed class RecomputeCommandTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "single-association-holds", 0 },
        { "shared-contract-holds", 0 },
        { "settled-net-altered", 1 },
        { "shared-contract-approval-moved", 1 },
        { "shared-contract-member-missing", 1 },
        { "batch-created-missing", 1 },
        { "fee-statement-holds", 0 },
        { "fee-statement-total-altered", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_golden_case_reports_exactly_its_expected_findings_with_its_exit_code(string name, int exitCode)
    {
        var folder = SourceTree.PathOf("tests", "HousingLedger.Domain.Tests", "testdata", "recompute", name);
        var exports = Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToArray();
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Skip(1).Where(line => line.Length > 0);

        var run = await HlRun.InProcessAsync(["recompute", .. exports, "--jwks", Jwks]);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines[..^1]);
        Assert.StartsWith(exitCode == 0 ? "OK " : "FAILED ", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_that_does_not_verify_is_not_recomputed()
    {
        var run = await HlRun.InProcessAsync("recompute", HlRun.Input("exports/reordered-block.jsonl"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("FAILED export", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("does not verify, so nothing on it can be recomputed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fee_that_is_not_the_one_expected_is_named()
    {
        var folder = SourceTree.PathOf("tests", "HousingLedger.Domain.Tests", "testdata", "recompute", "single-association-holds");

        var run = await HlRun.InProcessAsync("recompute", Path.Combine(folder, "assoc_riverside.jsonl"), "--jwks", Jwks, "--fee-per-job-pence", "999");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("fee", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_export_is_a_usage_error() =>
        Assert.Equal(2, (await HlRun.InProcessAsync("recompute", "--jwks", Jwks)).ExitCode);

    private static string Jwks => SourceTree.PathOf("tests", "HousingLedger.Domain.Tests", "testdata", "chains", "jwks.json");
}
