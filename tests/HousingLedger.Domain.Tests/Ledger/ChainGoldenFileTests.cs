namespace HousingLedger.Ledger;

/// <summary>
/// The golden chains and checkpoints under testdata are what <see cref="ChainGoldenFiles"/> produces. Set
/// <c>HOUSINGLEDGER_REGENERATE_TESTDATA=1</c> and run this class to rewrite them after a deliberate format change;
/// otherwise it fails on any drift. Signature bytes are random per signing, so they are not compared here;
/// the verifier tests check what they prove.
/// </summary>
public sealed class ChainGoldenFileTests
{
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

        GoldenTestData.CompareOrRegenerate(expected, GoldenTestData.WithoutSignatures);
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

        GoldenTestData.CompareOrRegenerate(expected, WithoutNoteSignatures);
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
}
