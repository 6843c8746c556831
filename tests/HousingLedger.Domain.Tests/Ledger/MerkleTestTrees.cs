using System.Text;
using System.Text.Json;

namespace HousingLedger.Ledger;

/// <summary>Trees and published vectors shared by the Merkle tests.</summary>
internal static class MerkleTestTrees
{
    /// <summary>Leaf hashes of <paramref name="count"/> distinct job events.</summary>
    public static byte[][] Leaves(int count) =>
        Enumerable.Range(0, count).Select(i => Rfc6962.HashLeaf(Encoding.UTF8.GetBytes($"job-event-{i}"))).ToArray();

    /// <summary>The 8-leaf reference tree of <c>testdata/rfc6962/tree-of-eight.json</c>.</summary>
    public static JsonElement TreeOfEight { get; } = Load("tree-of-eight.json");

    public static byte[][] TreeOfEightLeafHashes => Hashes(TreeOfEight.GetProperty("leafHashes"));

    public static byte[] TreeOfEightRoot(long size) => Convert.FromHexString(TreeOfEight.GetProperty("rootsBySize")[(int)size].GetString()!);

    public static byte[][] Hashes(JsonElement hexArray) => hexArray.EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToArray();

    public static JsonElement Load(params string[] path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(LedgerTestData.PathOf(["rfc6962", .. path])));
        return document.RootElement.Clone();
    }

    /// <summary>A verification probe's proof; upstream writes an empty one as null.</summary>
    public static byte[][] ProbeProof(JsonElement probe) =>
        probe.GetProperty("proof").ValueKind == JsonValueKind.Null
            ? []
            : probe.GetProperty("proof").EnumerateArray().Select(h => h.GetBytesFromBase64()).ToArray();

    public static string Hex(IEnumerable<byte[]> hashes) => string.Join(",", hashes.Select(Convert.ToHexStringLower));
}
