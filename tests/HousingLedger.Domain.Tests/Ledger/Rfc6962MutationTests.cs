namespace HousingLedger.Ledger;

/// <summary>
/// A receipt altered in any way must fail, and say how: malformed input (the proof cannot fit the claim) is a
/// different verdict from a false proof (it fits but hashes to another root).
/// </summary>
public sealed class Rfc6962MutationTests
{
    private const int Size = 13;
    private const int Index = 5;
    private static readonly byte[][] Leaves = MerkleTestTrees.Leaves(Size);
    private static readonly byte[] Root = Rfc6962.RootHash(Leaves);
    private static readonly byte[][] Path = [.. Rfc6962.InclusionProof(Leaves, Index)];

    [Fact]
    public void VerifyInclusion_UnalteredReceipt_IsValid()
    {
        var check = Rfc6962.VerifyInclusion(Index, Size, Leaves[Index], Path, Root);

        Assert.Equal(ProofCheck.Valid, check);
        Assert.Equal(string.Empty, check.Reason);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 77)]
    [InlineData(3, 255)]
    public void VerifyInclusion_FlippedBitInProof_IsARootMismatchNamingBothRoots(int element, int bit)
    {
        var proof = Path.Select(h => (byte[])h.Clone()).ToArray();
        proof[element][bit / 8] ^= (byte)(1 << (bit % 8));

        var check = Rfc6962.VerifyInclusion(Index, Size, Leaves[Index], proof, Root);

        Assert.Equal(ProofVerdict.RootMismatch, check.Verdict);
        Assert.StartsWith("computed root ", check.Reason, StringComparison.Ordinal);
        Assert.EndsWith(", want " + Convert.ToHexStringLower(Root), check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyInclusion_WrongLeaf_IsARootMismatch() =>
        Assert.Equal(ProofVerdict.RootMismatch, Rfc6962.VerifyInclusion(Index, Size, Leaves[Index + 1], Path, Root).Verdict);

    [Fact]
    public void VerifyInclusion_NeighbouringIndexWithAProofOfTheSameLength_IsARootMismatch() =>
        Assert.Equal(ProofVerdict.RootMismatch, Rfc6962.VerifyInclusion(Index - 1, Size, Leaves[Index], Path, Root).Verdict);

    [Theory]
    [InlineData(9)]
    [InlineData(16)]
    public void VerifyInclusion_SizeThatKeepsThePathsShape_IsNotDetectedByTheProofAlone(long claimedSize)
    {
        // The root does not commit to the tree size: leaf 5 has the same path shape in every tree of 9 to 16
        // leaves. Only a signature over size and root together (block header, checkpoint) binds the size.
        var check = Rfc6962.VerifyInclusion(Index, claimedSize, Leaves[Index], Path, Root);

        Assert.True(check.IsValid, check.ToString());
    }

    [Theory]
    [InlineData(Size, Size, "leaf index 13 is out of range for tree size 13")]
    [InlineData(-1, Size, "leaf index -1 is out of range for tree size 13")]
    [InlineData(0, 0, "leaf index 0 is out of range for tree size 0")]
    [InlineData(Index, 2 * Size, "wrong proof size 4, want 5")]
    [InlineData(Index, 8, "wrong proof size 4, want 3")]
    public void VerifyInclusion_IndexOrSizeThatCannotFitTheProof_IsMalformed(long index, long size, string reason)
    {
        var check = Rfc6962.VerifyInclusion(index, size, Leaves[Index], Path, Root);

        Assert.Equal(ProofVerdict.Malformed, check.Verdict);
        Assert.Equal(reason, check.Reason);
    }

    [Fact]
    public void VerifyInclusion_ExtraProofElement_IsMalformed() =>
        Assert.Equal("wrong proof size 5, want 4", Rfc6962.VerifyInclusion(Index, Size, Leaves[Index], [.. Path, Root], Root).Reason);

    [Fact]
    public void VerifyInclusion_MissingProofElement_IsMalformed() =>
        Assert.Equal("wrong proof size 3, want 4", Rfc6962.VerifyInclusion(Index, Size, Leaves[Index], Path[..^1], Root).Reason);

    [Fact]
    public void VerifyInclusion_TruncatedHashes_AreMalformedAndNamed()
    {
        Assert.Equal("proof[2] has 31 bytes, want 32", Rfc6962.VerifyInclusion(Index, Size, Leaves[Index], [Path[0], Path[1], Path[2][..31], Path[3]], Root).Reason);
        Assert.Equal("leaf hash has 0 bytes, want 32", Rfc6962.VerifyInclusion(Index, Size, [], Path, Root).Reason);
        Assert.Equal("root has 33 bytes, want 32", Rfc6962.VerifyInclusion(Index, Size, Leaves[Index], Path, [.. Root, 0]).Reason);
    }

    [Fact]
    public void VerifyConsistency_UnalteredProof_IsValid() =>
        Assert.True(Consistency(5, Size).IsValid, Consistency(5, Size).ToString());

    [Fact]
    public void VerifyConsistency_FlippedBitInTheFirstElement_IsAMismatchOfTheFirstRoot()
    {
        var proof = Rfc6962.ConsistencyProof(Leaves, 5, Size).Select(h => (byte[])h.Clone()).ToArray();
        proof[0][0] ^= 1;

        var check = Rfc6962.VerifyConsistency(5, Size, RootOf(5), Root, proof);

        Assert.Equal(ProofVerdict.RootMismatch, check.Verdict);
        Assert.StartsWith("computed first root ", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyConsistency_FlippedBitInTheLastElement_IsAMismatchOfTheSecondRoot()
    {
        var proof = Rfc6962.ConsistencyProof(Leaves, 5, Size).Select(h => (byte[])h.Clone()).ToArray();
        proof[^1][31] ^= 0x80;

        var check = Rfc6962.VerifyConsistency(5, Size, RootOf(5), Root, proof);

        Assert.Equal(ProofVerdict.RootMismatch, check.Verdict);
        Assert.StartsWith("computed second root ", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyConsistency_SwappedRoots_IsARootMismatch() =>
        Assert.Equal(ProofVerdict.RootMismatch, Rfc6962.VerifyConsistency(5, Size, Root, RootOf(5), Rfc6962.ConsistencyProof(Leaves, 5, Size)).Verdict);

    [Fact]
    public void VerifyConsistency_EqualSizesWithDifferentRoots_IsARootMismatch() =>
        Assert.Equal(ProofVerdict.RootMismatch, Rfc6962.VerifyConsistency(Size, Size, RootOf(12), Root, []).Verdict);

    [Theory]
    [InlineData(0, Size, "sizes 0 and 13 are not 0 < size1 <= size2")]
    [InlineData(6, 5, "sizes 6 and 5 are not 0 < size1 <= size2")]
    [InlineData(4, Size, "wrong proof size 5, want 2")]
    [InlineData(Size, Size, "wrong proof size 5, want 0")]
    public void VerifyConsistency_SizesThatCannotFitTheProof_AreMalformed(long size1, long size2, string reason)
    {
        var check = Rfc6962.VerifyConsistency(size1, size2, RootOf(5), Root, Rfc6962.ConsistencyProof(Leaves, 5, Size));

        Assert.Equal(ProofVerdict.Malformed, check.Verdict);
        Assert.Equal(reason, check.Reason);
    }

    [Fact]
    public void VerifyConsistency_ExtraOrMissingElement_IsMalformed()
    {
        var proof = Rfc6962.ConsistencyProof(Leaves, 5, Size).ToArray();

        Assert.Equal("wrong proof size 6, want 5", Rfc6962.VerifyConsistency(5, Size, RootOf(5), Root, [.. proof, Root]).Reason);
        Assert.Equal("wrong proof size 4, want 5", Rfc6962.VerifyConsistency(5, Size, RootOf(5), Root, proof[1..]).Reason);
    }

    private static ProofCheck Consistency(long size1, long size2) =>
        Rfc6962.VerifyConsistency(size1, size2, RootOf(size1), RootOf(size2), Rfc6962.ConsistencyProof(Leaves, size1, size2));

    private static byte[] RootOf(long size) => Rfc6962.RootHash(Leaves[..(int)size]);
}
