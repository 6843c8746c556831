using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// The golden chains and checkpoints under testdata are what <see cref="ChainGoldenFiles"/> produces. Set
/// <c>HOUSINGLEDGER_REGENERATE_TESTDATA=1</c> and run this class to rewrite them after a deliberate format change;
/// otherwise it fails on any drift. Signature bytes are random per signing, so they are not compared here;
/// the verifier tests check what they prove.
/// </summary>
public sealed class ChainGoldenFileTests
{
    private const string RegenerateVariable = "HOUSINGLEDGER_REGENERATE_TESTDATA";

    [Fact]
    public async Task GoldenChains_AreWhatTheGeneratorProduces()
    {
        var chains = await ChainGoldenFiles.ChainsAsync();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["chains/jwks.json"] = ChainGoldenFiles.JwksFile(),
        };
        foreach (var (name, blocks) in chains)
        {
            expected[$"chains/{name}.jsonl"] = ChainGoldenFiles.ExportOf(blocks);
            expected[$"chains/{name}.verify.json"] = ChainGoldenFiles.VerifyFileOf(ChainSamples.Verify(blocks, ChainSamples.PublishedKeys()));
        }

        CompareOrRegenerate(expected, WithoutSignatures);
        Assert.Equal(
            chains.Keys.Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(LedgerTestData.PathOf("chains"), "*.jsonl").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GoldenCheckpoints_AreWhatTheGeneratorProduces()
    {
        var chains = await ChainGoldenFiles.ChainsAsync();
        var notes = await ChainGoldenFiles.CheckpointsAsync(chains["valid"]);
        var expected = notes.ToDictionary(n => $"checkpoints/{n.Key}.note", n => n.Value, StringComparer.Ordinal);
        expected["checkpoints/vkey.txt"] = ChainGoldenFiles.VerifierKeyFile();

        CompareOrRegenerate(expected, WithoutNoteSignatures);
    }

    /// <summary>A chain file with each block's signature blanked, for comparing what is deterministic.</summary>
    private static string WithoutSignatures(string path, string content)
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

    /// <summary>A note with each signature cut to its key name and 4-byte key id.</summary>
    private static string WithoutNoteSignatures(string path, string content)
    {
        if (!path.EndsWith(".note", StringComparison.Ordinal))
        {
            return content;
        }

        var split = content.LastIndexOf("\n\n", StringComparison.Ordinal) + 2;
        var lines = content[split..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split(' ');
            return $"{parts[0]} {parts[1]} {Convert.ToHexString(Convert.FromBase64String(parts[2])[..4])}…\n";
        });
        return content[..split] + string.Concat(lines);
    }

    private static void CompareOrRegenerate(IReadOnlyDictionary<string, string> expected, Func<string, string, string> comparable)
    {
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            foreach (var (path, content) in expected)
            {
                File.WriteAllText(Path.Combine(SourceTestData(), path), content);
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

    private static string SourceTestData() => Path.Combine(SourceTree.TestProject, "testdata");
}
