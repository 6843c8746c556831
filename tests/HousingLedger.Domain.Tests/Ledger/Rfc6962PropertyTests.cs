using FsCheck;
using FsCheck.Xunit;

namespace HousingLedger.Ledger;

public sealed class Rfc6962PropertyTests
{
    private const int LargestTree = 300;

    [Property(MaxTest = 200)]
    public void EveryInclusionProof_ForAnyLeafOfAnyTree_Verifies(PositiveInt sizeSeed, NonNegativeInt indexSeed)
    {
        var size = (sizeSeed.Get % LargestTree) + 1;
        var index = indexSeed.Get % size;
        var leaves = MerkleTestTrees.Leaves(size);

        var check = Rfc6962.VerifyInclusion(index, size, leaves[index], Rfc6962.InclusionProof(leaves, index), Rfc6962.RootHash(leaves));

        Assert.True(check.IsValid, $"leaf {index} of {size}: {check}");
    }

    [Property(MaxTest = 200)]
    public void EveryConsistencyProof_BetweenAnyTwoSizes_Verifies(PositiveInt firstSeed, PositiveInt secondSeed)
    {
        var size2 = (secondSeed.Get % LargestTree) + 1;
        var size1 = (firstSeed.Get % size2) + 1;
        var leaves = MerkleTestTrees.Leaves(size2);

        var check = Rfc6962.VerifyConsistency(
            size1, size2, Rfc6962.RootHash(leaves[..size1]), Rfc6962.RootHash(leaves), Rfc6962.ConsistencyProof(leaves, size1, size2));

        Assert.True(check.IsValid, $"{size1} -> {size2}: {check}");
    }

    [Property(MaxTest = 200)]
    public void AnyFlippedBit_InAnInclusionProof_IsARootMismatch(PositiveInt sizeSeed, NonNegativeInt indexSeed, NonNegativeInt bitSeed)
    {
        var size = (sizeSeed.Get % LargestTree) + 2;
        var index = indexSeed.Get % size;
        var leaves = MerkleTestTrees.Leaves(size);
        var proof = Rfc6962.InclusionProof(leaves, index).Select(h => (byte[])h.Clone()).ToArray();
        var bit = bitSeed.Get % (proof.Length * Rfc6962.HashSize * 8);
        proof[bit / 256][bit % 256 / 8] ^= (byte)(1 << (bit % 8));

        var check = Rfc6962.VerifyInclusion(index, size, leaves[index], proof, Rfc6962.RootHash(leaves));

        Assert.True(check.Verdict == ProofVerdict.RootMismatch, $"leaf {index} of {size}, bit {bit}: {check}");
    }

    [Property(MaxTest = 200)]
    public void AnyFlippedBit_InAConsistencyProof_IsARootMismatch(PositiveInt firstSeed, PositiveInt secondSeed, NonNegativeInt bitSeed)
    {
        var size2 = (secondSeed.Get % LargestTree) + 2;
        var size1 = (firstSeed.Get % (size2 - 1)) + 1;
        var leaves = MerkleTestTrees.Leaves(size2);
        var proof = Rfc6962.ConsistencyProof(leaves, size1, size2).Select(h => (byte[])h.Clone()).ToArray();
        var bit = bitSeed.Get % (proof.Length * Rfc6962.HashSize * 8);
        proof[bit / 256][bit % 256 / 8] ^= (byte)(1 << (bit % 8));

        var check = Rfc6962.VerifyConsistency(size1, size2, Rfc6962.RootHash(leaves[..size1]), Rfc6962.RootHash(leaves), proof);

        Assert.True(check.Verdict == ProofVerdict.RootMismatch, $"{size1} -> {size2}, bit {bit}: {check}");
    }
}
