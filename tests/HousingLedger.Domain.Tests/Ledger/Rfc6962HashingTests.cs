using System.Text.Json;

namespace HousingLedger.Ledger;

public sealed class Rfc6962HashingTests
{
    public static TheoryData<string> HashVectors() =>
        new(MerkleTestTrees.Load("hashes.json").EnumerateArray().Select(v => v.GetProperty("name").GetString()!));

    public static TheoryData<int> TreeSizesUpToEight() => new(Enumerable.Range(0, 9));

    [Theory]
    [MemberData(nameof(HashVectors))]
    public void Hash_PublishedVector_MatchesItsDigest(string name)
    {
        var vector = MerkleTestTrees.Load("hashes.json").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

        var digest = vector.GetProperty("kind").GetString() switch
        {
            "empty" => Rfc6962.EmptyRoot,
            "leaf" => Rfc6962.HashLeaf(Bytes(vector, "leaf")),
            _ => Rfc6962.HashChildren(Bytes(vector, "left"), Bytes(vector, "right")),
        };

        Assert.Equal(vector.GetProperty("want").GetString(), Convert.ToHexStringLower(digest));
    }

    [Theory]
    [MemberData(nameof(TreeSizesUpToEight))]
    public void RootHash_PrefixOfTheReferenceTree_MatchesThePublishedRoot(int size)
    {
        var leaves = MerkleTestTrees.TreeOfEight.GetProperty("leaves").EnumerateArray()
            .Take(size).Select(l => Rfc6962.HashLeaf(Convert.FromHexString(l.GetString()!))).ToArray();

        Assert.Equal(MerkleTestTrees.Hex(MerkleTestTrees.TreeOfEightLeafHashes.Take(size)), MerkleTestTrees.Hex(leaves));
        Assert.Equal(Convert.ToHexStringLower(MerkleTestTrees.TreeOfEightRoot(size)), Convert.ToHexStringLower(Rfc6962.RootHash(leaves)));
    }

    [Fact]
    public void HashLeaf_OfTwoHashesConcatenated_DiffersFromTheNodeOverThem()
    {
        var left = Rfc6962.HashLeaf("Hello"u8);
        var right = Rfc6962.HashLeaf("World"u8);

        Assert.NotEqual(Rfc6962.HashChildren(left, right), Rfc6962.HashLeaf([.. left, .. right]));
        Assert.NotEqual(Rfc6962.HashChildren(left, right), Rfc6962.HashChildren(right, left));
    }

    [Fact]
    public void Prefixes_AreTheRfc6962DomainSeparators()
    {
        Assert.Equal(0x00, Rfc6962.LeafPrefix);
        Assert.Equal(0x01, Rfc6962.NodePrefix);
        Assert.Equal(32, Rfc6962.HashSize);
    }

    [Fact]
    public void RootHash_OneLeaf_IsACopyOfTheLeafHash()
    {
        var leaf = Rfc6962.HashLeaf("repair 17"u8);

        var root = Rfc6962.RootHash([leaf]);

        Assert.Equal(leaf, root);
        Assert.NotSame(leaf, root);
    }

    [Fact]
    public void RootHash_LeafHashOfWrongLength_IsAProgrammerError()
    {
        var refused = Assert.Throws<ArgumentException>(() => Rfc6962.RootHash([Rfc6962.HashLeaf("a"u8), new byte[31]]));

        Assert.Contains("Leaf hash 1 has 31 bytes, want 32", refused.Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(JsonElement vector, string name) => Convert.FromHexString(vector.GetProperty(name).GetString()!);
}
