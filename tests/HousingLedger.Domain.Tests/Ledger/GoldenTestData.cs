using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// Keeps golden files under testdata what their generator produces: with <c>HOUSINGLEDGER_REGENERATE_TESTDATA=1</c>
/// it rewrites them after a deliberate change; otherwise it fails on any drift, naming the file and both contents.
/// </summary>
internal static class GoldenTestData
{
    public const string RegenerateVariable = "HOUSINGLEDGER_REGENERATE_TESTDATA";

    /// <summary>
    /// Compares each file (by its path under testdata) with what the generator gives, both seen through
    /// <paramref name="comparable"/>, which blanks what is random per run; or, when regenerating, writes them.
    /// </summary>
    public static void CompareOrRegenerate(IReadOnlyDictionary<string, string> expected, Func<string, string, string> comparable)
    {
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
            var onDisk = File.ReadAllText(LedgerTestData.PathOf(path.Split('/')));
            Assert.True(
                comparable(path, content) == comparable(path, onDisk),
                $"testdata/{path} has drifted from the generator; regenerate with {RegenerateVariable}=1 if the change is meant.\nexpected:\n{comparable(path, content)}\nfound:\n{comparable(path, onDisk)}");
        }
    }

    /// <summary>A chain export with each block's signature blanked, for comparing what is deterministic (ES256 signing is randomised).</summary>
    public static string WithoutSignatures(string path, string content)
    {
        if (!path.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return content;
        }

        return string.Concat(content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var block = JsonNode.Parse(line)!.AsObject();
            block["signature"] = "…";
            return Jcs.CanonicalizeToString(block) + "\n";
        }));
    }
}
