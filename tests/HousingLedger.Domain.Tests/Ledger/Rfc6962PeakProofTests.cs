using FsCheck;
using FsCheck.Xunit;

namespace HousingLedger.Ledger;

/// <summary>
/// Consistency proofs built from the old tree's peaks and the leaves added since, without the old leaves: the same
/// proofs as those built from every leaf, and the ones transparency-dev/merkle publishes.
/// </summary>
public sealed class Rfc6962PeakProofTests
{
    private const int LargestTree = 300;

    public static TheoryData<string> HappyPathProbes() =>
        new(Enumerable.Range(0, 5).Select(tree => $"consistency/{tree}/happy-path.json"));

    [Theory]
    [MemberData(nameof(Rfc6962ReferenceProofTests.ConsistencyCases), MemberType = typeof(Rfc6962ReferenceProofTests))]
    public void ConsistencyProof_FromPeaks_IsThePublishedProofOfTheReferenceTree(int number)
    {
        var vector = MerkleTestTrees.TreeOfEight.GetProperty("consistencyProofs")[number];
        var size1 = vector.GetProperty("size1").GetInt32();
        var size2 = vector.GetProperty("size2").GetInt32();

        var proof = FromPeaks(MerkleTestTrees.TreeOfEightLeafHashes, size1, size2);

        Assert.Equal(MerkleTestTrees.Hex(MerkleTestTrees.Hashes(vector.GetProperty("proof"))), MerkleTestTrees.Hex(proof));
    }

    [Theory]
    [MemberData(nameof(HappyPathProbes))]
    public void ConsistencyProof_FromPeaks_IsTheHappyPathProbeAndVerifiesAgainstItsRoots(string probe)
    {
        // Every probe is built on the 8-leaf reference tree.
        var p = MerkleTestTrees.Load(probe.Split('/'));
        var size1 = p.GetProperty("size1").GetInt32();
        var size2 = p.GetProperty("size2").GetInt32();
        var published = MerkleTestTrees.ProbeProof(p);

        var proof = FromPeaks(MerkleTestTrees.TreeOfEightLeafHashes, size1, size2);
        var check = Rfc6962.VerifyConsistency(
            size1, size2, p.GetProperty("root1").GetBytesFromBase64(), p.GetProperty("root2").GetBytesFromBase64(), proof);

        Assert.Equal(MerkleTestTrees.Hex(published), MerkleTestTrees.Hex(proof));
        Assert.True(check.IsValid, $"{size1} -> {size2}: {check}");
    }

    [Property(MaxTest = 300)]
    public void ConsistencyProof_FromPeaks_EqualsTheProofFromEveryLeaf(PositiveInt firstSeed, PositiveInt secondSeed)
    {
        var size2 = (secondSeed.Get % LargestTree) + 1;
        var size1 = (firstSeed.Get % size2) + 1;
        var leaves = MerkleTestTrees.Leaves(size2);

        var fromPeaks = MerkleTestTrees.Hex(FromPeaks(leaves, size1, size2));
        var fromLeaves = MerkleTestTrees.Hex(Rfc6962.ConsistencyProof(leaves, size1, size2));

        Assert.True(fromPeaks == fromLeaves, $"{size1} -> {size2}: from peaks {fromPeaks}, from every leaf {fromLeaves}");
    }

    [Fact]
    public void ConsistencyProof_FromPeaks_WithAPeakMissing_IsRefusedNamingTheCounts()
    {
        var leaves = MerkleTestTrees.Leaves(8);
        var peaks = Peaks(leaves, 7).Take(2).ToArray();

        var refusal = Assert.Throws<ArgumentException>(() => Rfc6962.ConsistencyProof(7, peaks, leaves[7..]));

        Assert.Equal("fromPeaks", refusal.ParamName);
        Assert.StartsWith("A tree of 7 leaves has 3 peaks of 32 bytes; found 2.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsistencyProof_FromPeaks_OfTheEmptyTree_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rfc6962.ConsistencyProof(0, [], MerkleTestTrees.Leaves(3)));

    [Fact]
    public void ConsistencyProof_FromPeaks_WithNoNewLeaves_IsEmpty()
    {
        var leaves = MerkleTestTrees.Leaves(5);

        Assert.Empty(Rfc6962.ConsistencyProof(5, Peaks(leaves, 5), []));
    }

    private static IReadOnlyList<byte[]> FromPeaks(byte[][] leaves, int size1, int size2) =>
        Rfc6962.ConsistencyProof(size1, Peaks(leaves, size1), leaves[size1..size2]);

    private static IReadOnlyList<byte[]> Peaks(byte[][] leaves, int size)
    {
        var tree = new MerkleAccumulator();
        foreach (var leaf in leaves[..size])
        {
            tree.Append(leaf);
        }

        return tree.Peaks;
    }
}
