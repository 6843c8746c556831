using FsCheck;
using FsCheck.Xunit;

namespace HousingLedger.Ledger;

public sealed class MerkleAccumulatorTests
{
    [Fact]
    public void RootHash_NothingAppended_IsTheEmptyRoot()
    {
        var accumulator = new MerkleAccumulator();

        Assert.Equal(0, accumulator.Size);
        Assert.Equal(Rfc6962.EmptyRoot, accumulator.RootHash());
    }

    [Fact]
    public void RootHash_AfterEachLeafOfTheReferenceTree_IsThePublishedRootForThatSize()
    {
        var accumulator = new MerkleAccumulator();

        foreach (var leaf in MerkleTestTrees.TreeOfEightLeafHashes)
        {
            accumulator.Append(leaf);
            Assert.Equal(Convert.ToHexStringLower(MerkleTestTrees.TreeOfEightRoot(accumulator.Size)), Convert.ToHexStringLower(accumulator.RootHash()));
        }

        Assert.Equal(8, accumulator.Size);
    }

    [Property(MaxTest = 100)]
    public void RootHash_AnyNumberOfLeaves_EqualsTheMerkleTreeHash(NonNegativeInt sizeSeed)
    {
        var leaves = MerkleTestTrees.Leaves(sizeSeed.Get % 1100);
        var accumulator = new MerkleAccumulator();

        foreach (var leaf in leaves)
        {
            accumulator.Append(leaf);
        }

        Assert.Equal(leaves.Length, accumulator.Size);
        Assert.Equal(Convert.ToHexStringLower(Rfc6962.RootHash(leaves)), Convert.ToHexStringLower(accumulator.RootHash()));
    }

    [Fact]
    public void Append_CallerChangesItsArrayAfterwards_DoesNotChangeTheRoot()
    {
        var leaf = Rfc6962.HashLeaf("boiler repair"u8);
        var accumulator = new MerkleAccumulator();
        accumulator.Append(leaf);
        var before = accumulator.RootHash();

        leaf[0] ^= 0xff;
        accumulator.RootHash()[1] ^= 0xff;

        Assert.Equal(before, accumulator.RootHash());
    }

    [Fact]
    public void Append_HashOfWrongLength_IsAProgrammerError() =>
        Assert.Throws<ArgumentException>(() => new MerkleAccumulator().Append(new byte[20]));

    [Property(MaxTest = 100)]
    public void Resume_FromTheSizeAndPeaksAtAnyPoint_GoesOnToTheSameRoot(NonNegativeInt sizeSeed, NonNegativeInt splitSeed)
    {
        var leaves = MerkleTestTrees.Leaves(sizeSeed.Get % 300);
        var split = leaves.Length == 0 ? 0 : splitSeed.Get % (leaves.Length + 1);
        var whole = new MerkleAccumulator();
        var first = new MerkleAccumulator();
        foreach (var (leaf, index) in leaves.Select((leaf, index) => (leaf, index)))
        {
            whole.Append(leaf);
            if (index < split)
            {
                first.Append(leaf);
            }
        }

        var resumed = MerkleAccumulator.Resume(first.Size, first.Peaks);
        foreach (var leaf in leaves.Skip(split))
        {
            resumed.Append(leaf);
        }

        Assert.Equal(long.PopCount(first.Size), first.Peaks.Count);
        Assert.Equal(whole.Size, resumed.Size);
        Assert.Equal(Convert.ToHexStringLower(whole.RootHash()), Convert.ToHexStringLower(resumed.RootHash()));
    }

    [Fact]
    public void Resume_RefusesPeaksThatDoNotFitTheSize()
    {
        var accumulator = new MerkleAccumulator();
        foreach (var leaf in MerkleTestTrees.TreeOfEightLeafHashes.Take(6))
        {
            accumulator.Append(leaf);
        }

        Assert.Throws<ArgumentException>(() => MerkleAccumulator.Resume(7, accumulator.Peaks));
        Assert.Throws<ArgumentException>(() => MerkleAccumulator.Resume(6, [accumulator.Peaks[0], new byte[31]]));
        Assert.Equal(accumulator.RootHash(), MerkleAccumulator.Resume(6, accumulator.Peaks).RootHash());
    }
}
