using System.Text;

namespace HousingLedger.Ledger;

/// <summary>
/// The event ids of a chain, held in a fixed amount of memory: whether the ids stay in the buffer or go to
/// sorted runs on disk, the repeat found is the one whose second use comes first, with its first use.
/// </summary>
public sealed class SeenEventIdsTests
{
    [Theory]
    [InlineData(1, 1_000, 300, SeenEventIds.DefaultBufferBytes)]
    [InlineData(2, 1_000, 300, 200)]
    [InlineData(3, 5_000, 4_000, 1_000)]
    [InlineData(4, 20_000, 1_000_000, 4_096)]
    [InlineData(5, 3_000, 2_500, 90)]
    public void TheFirstRepeat_IsTheEarliestSecondUse_WhereverTheIdsAreHeld(int seed, int uses, int distinctIds, int bufferBytes)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, uses).Select(_ => $"evt_{random.Next(distinctIds)}").ToList();
        using var seen = new SeenEventIds(bufferBytes);

        for (var i = 0; i < ids.Count; i++)
        {
            seen.Add(Encoding.UTF8.GetBytes(ids[i]), PositionOf(i));
        }

        Assert.Equal(Expected(ids), seen.FindFirstRepeat());
    }

    [Fact]
    public void NoIdUsedTwice_IsNoRepeat_AndAddingGoesOnAfterLooking()
    {
        using var seen = new SeenEventIds(200);
        for (var i = 0; i < 50; i++)
        {
            seen.Add(Encoding.UTF8.GetBytes($"evt_{i}"), PositionOf(i));
        }

        Assert.Null(seen.FindFirstRepeat());
        seen.Add("evt_7"u8, PositionOf(50));
        seen.Add("evt_3"u8, PositionOf(51));

        Assert.Equal(new EventIdRepeat("evt_7", PositionOf(7), PositionOf(50)), seen.FindFirstRepeat());
    }

    [Fact]
    public void TheRunsOnDisk_LeaveNoFileBehind()
    {
        var before = SpillFiles();
        using (var seen = new SeenEventIds(100))
        {
            for (var i = 0; i < 1_000; i++)
            {
                seen.Add(Encoding.UTF8.GetBytes($"evt_{i}"), PositionOf(i));
            }

            Assert.Null(seen.FindFirstRepeat());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(before, SpillFiles());
            }
        }

        Assert.Equal(before, SpillFiles());
    }

    [Fact]
    public void AnIdLongerThanAnyEventId_IsRefused()
    {
        using var seen = new SeenEventIds();

        Assert.Throws<ArgumentException>(() => seen.Add(new byte[65], PositionOf(0)));
    }

    // Ten transactions a block, so positions carry a height, an index and a leaf index that agree.
    private static TransactionPosition PositionOf(int leaf) => new(leaf / 10, leaf % 10, leaf);

    private static EventIdRepeat? Expected(List<string> ids)
    {
        var firstUse = new Dictionary<string, int>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!firstUse.TryAdd(ids[i], i))
            {
                return new EventIdRepeat(ids[i], PositionOf(firstUse[ids[i]]), PositionOf(i));
            }
        }

        return null;
    }

    private static string[] SpillFiles() => Directory.GetFiles(Path.GetTempPath(), "hl-event-ids-*");
}
