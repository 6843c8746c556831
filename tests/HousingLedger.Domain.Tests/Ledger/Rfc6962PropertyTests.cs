using System.Security.Cryptography;
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

    [Property(MaxTest = 200)]
    public void RootHash_OfAnyTree_IsTheDefinitionsSplitAtTheLargestPowerOfTwo(PositiveInt sizeSeed)
    {
        var leaves = MerkleTestTrees.Leaves((sizeSeed.Get % LargestTree) + 1);
        var defined = Convert.ToHexStringLower(AsDefined(leaves));

        Assert.Equal(defined, Convert.ToHexStringLower(Rfc6962.RootHash(leaves)));
        Assert.Equal(defined, Convert.ToHexStringLower(Rfc6962.RootHash(leaves.SelectMany(leaf => leaf).ToArray())));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(340)]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(100_000)]
    public void HashLeaf_OfAnyLength_IsSha256OfTheLeafPrefixAndTheData(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);

        Assert.Equal(SHA256.HashData([Rfc6962.LeafPrefix, .. data]), Rfc6962.HashLeaf(data));
    }

    // RFC 6962 §2.1 as written: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two
    // smaller than n; the code under test builds the same tree level by level.
    private static byte[] AsDefined(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Length)
        {
            k *= 2;
        }

        return SHA256.HashData([Rfc6962.NodePrefix, .. AsDefined(leaves[..k]), .. AsDefined(leaves[k..])]);
    }
}
