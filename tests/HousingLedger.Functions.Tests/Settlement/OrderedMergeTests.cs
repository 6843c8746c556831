using HousingLedger.Functions.Settlement;

namespace HousingLedger.Functions.Tests.Settlement;

/// <summary>Merging each association's jobs, read in approval order, into the contract's one approval order.</summary>
public sealed class OrderedMergeTests
{
    [Fact]
    public async Task Streams_in_order_merge_into_one_in_order_with_every_item_once()
    {
        int[][] sources = [[1, 4, 7], [], [2, 5], [3, 6, 8, 9]];

        var merged = await OrderedMerge.MergeAsync(sources.Select(source => source.ToAsyncEnumerable()), Comparer<int>.Default).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 9), merged);
    }

    [Fact]
    public async Task No_streams_merge_into_none()
    {
        Assert.Empty(await OrderedMerge.MergeAsync(Array.Empty<IAsyncEnumerable<int>>(), Comparer<int>.Default).ToListAsync());
    }
}
