namespace HousingLedger.Ledger;

/// <summary>The audit paths and consistency proofs published for the 8-leaf reference tree.</summary>
public sealed class Rfc6962ReferenceProofTests
{
    public static TheoryData<int> InclusionCases() =>
        new(Enumerable.Range(0, MerkleTestTrees.TreeOfEight.GetProperty("inclusionProofs").GetArrayLength()));

    public static TheoryData<int> ConsistencyCases() =>
        new(Enumerable.Range(0, MerkleTestTrees.TreeOfEight.GetProperty("consistencyProofs").GetArrayLength()));

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public void InclusionProof_ReferenceTree_IsThePublishedPathAndVerifies(int number)
    {
        var vector = MerkleTestTrees.TreeOfEight.GetProperty("inclusionProofs")[number];
        var index = vector.GetProperty("index").GetInt64();
        var size = vector.GetProperty("size").GetInt32();
        var leaves = MerkleTestTrees.TreeOfEightLeafHashes;
        var published = MerkleTestTrees.Hashes(vector.GetProperty("proof"));

        var proof = Rfc6962.InclusionProof(leaves[..size], index);
        var check = Rfc6962.VerifyInclusion(index, size, leaves[index], published, MerkleTestTrees.TreeOfEightRoot(size));

        Assert.Equal(MerkleTestTrees.Hex(published), MerkleTestTrees.Hex(proof));
        Assert.True(check.IsValid, check.ToString());
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public void ConsistencyProof_ReferenceTree_IsThePublishedProofAndVerifies(int number)
    {
        var vector = MerkleTestTrees.TreeOfEight.GetProperty("consistencyProofs")[number];
        var size1 = vector.GetProperty("size1").GetInt64();
        var size2 = vector.GetProperty("size2").GetInt64();
        var published = MerkleTestTrees.Hashes(vector.GetProperty("proof"));

        var proof = Rfc6962.ConsistencyProof(MerkleTestTrees.TreeOfEightLeafHashes, size1, size2);
        var check = Rfc6962.VerifyConsistency(size1, size2, MerkleTestTrees.TreeOfEightRoot(size1), MerkleTestTrees.TreeOfEightRoot(size2), published);

        Assert.Equal(MerkleTestTrees.Hex(published), MerkleTestTrees.Hex(proof));
        Assert.True(check.IsValid, check.ToString());
    }
}
