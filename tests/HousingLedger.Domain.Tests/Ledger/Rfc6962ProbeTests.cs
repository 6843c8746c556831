using System.Text.Json;

namespace HousingLedger.Ledger;

/// <summary>
/// The verification probes of transparency-dev/merkle: a happy path per tree and one file per mutation of it,
/// each saying whether a verifier must refuse it.
/// </summary>
public sealed class Rfc6962ProbeTests
{
    // Upstream compares roots of any length; this verifier refuses hashes that are not 32 bytes (see testdata README).
    private const string RefusedForShortHashes = "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";

    public static TheoryData<string> InclusionProbes() => Probes("inclusion");

    public static TheoryData<string> ConsistencyProbes() => Probes("consistency");

    [Theory]
    [MemberData(nameof(InclusionProbes))]
    public void VerifyInclusion_Probe_AcceptsExactlyTheHappyPaths(string probe)
    {
        var p = MerkleTestTrees.Load(probe.Split('/'));

        var check = Rfc6962.VerifyInclusion(
            Size(p, "leafIdx"), Size(p, "treeSize"),
            p.GetProperty("leafHash").GetBytesFromBase64(), MerkleTestTrees.ProbeProof(p), p.GetProperty("root").GetBytesFromBase64());

        AssertOutcome(p, check, expectRefusal: p.GetProperty("wantErr").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ConsistencyProbes))]
    public void VerifyConsistency_Probe_AcceptsExactlyTheHappyPaths(string probe)
    {
        var p = MerkleTestTrees.Load(probe.Split('/'));

        var check = Rfc6962.VerifyConsistency(
            Size(p, "size1"), Size(p, "size2"),
            p.GetProperty("root1").GetBytesFromBase64(), p.GetProperty("root2").GetBytesFromBase64(), MerkleTestTrees.ProbeProof(p));

        AssertOutcome(p, check, expectRefusal: p.GetProperty("wantErr").GetBoolean() || probe == RefusedForShortHashes);
    }

    private static void AssertOutcome(JsonElement probe, ProofCheck check, bool expectRefusal)
    {
        var description = probe.GetProperty("desc").GetString();
        Assert.True(check.IsValid != expectRefusal, $"{description}: expected {(expectRefusal ? "a refusal" : "valid")}, got {check}");
        Assert.Equal(expectRefusal, check.Reason.Length > 0);
    }

    // Upstream sizes are uint64 and some mutations wrap below zero; beyond long they are out of range anyway.
    private static long Size(JsonElement probe, string name) => (long)Math.Min(probe.GetProperty(name).GetUInt64(), long.MaxValue);

    private static TheoryData<string> Probes(string kind)
    {
        var root = LedgerTestData.PathOf("rfc6962");
        return new(Directory.EnumerateFiles(Path.Combine(root, kind), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));
    }
}
