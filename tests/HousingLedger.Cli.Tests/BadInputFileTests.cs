using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.Cli;

/// <summary>
/// The files under testdata are what <see cref="BadInputFiles"/> makes. Set <c>HOUSINGLEDGER_REGENERATE_TESTDATA=1</c>
/// and run this class to rewrite them (after the domain's golden files change, say); otherwise it fails on drift.
/// </summary>
public sealed class BadInputFileTests
{
    private const string RegenerateVariable = "HOUSINGLEDGER_REGENERATE_TESTDATA";

    [Fact]
    public async Task Testdata_IsWhatTheGeneratorMakes()
    {
        var expected = await BadInputFiles.AllAsync();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            foreach (var (path, content) in expected)
            {
                var file = Path.Combine(SourceTree.TestProject, "testdata", path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, content);
            }

            return;
        }

        foreach (var (path, content) in expected)
        {
            var onDisk = File.ReadAllText(CliTestData.PathOf(path));
            Assert.True(
                Comparable(path, content) == Comparable(path, onDisk),
                $"testdata/{path} has drifted from the generator; regenerate with {RegenerateVariable}=1 if the change is meant.\nexpected:\n{Comparable(path, content)}\nfound:\n{Comparable(path, onDisk)}");
        }

        var found = Directory.EnumerateFiles(CliTestData.PathOf(), "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(CliTestData.PathOf(), file).Replace('\\', '/'));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    /// <summary>The re-signed export with its signatures blanked: a fresh ES256 signature differs every time.</summary>
    private static string Comparable(string path, string content) =>
        path != BadInputFiles.ResignedExport
            ? content
            : string.Concat(content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
            {
                var block = JsonNode.Parse(line)!.AsObject();
                block["signature"] = "…";
                return Jcs.CanonicalizeToString(block) + "\n";
            }));
}
