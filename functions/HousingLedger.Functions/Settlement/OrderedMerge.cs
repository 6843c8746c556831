namespace HousingLedger.Functions.Settlement;

/// <summary>Merges streams that are each in order into one stream in that order, holding one item of each.</summary>
public static class OrderedMerge
{
    public static async IAsyncEnumerable<T> MergeAsync<T>(IEnumerable<IAsyncEnumerable<T>> sources, IComparer<T> order)
    {
        var heads = new List<IAsyncEnumerator<T>>();
        try
        {
            foreach (var source in sources)
            {
                var head = source.GetAsyncEnumerator();
                heads.Add(head);
                if (!await head.MoveNextAsync())
                {
                    heads.Remove(head);
                    await head.DisposeAsync();
                }
            }

            while (heads.Count > 0)
            {
                var least = heads.MinBy(head => head.Current, order)!;
                yield return least.Current;
                if (!await least.MoveNextAsync())
                {
                    heads.Remove(least);
                    await least.DisposeAsync();
                }
            }
        }
        finally
        {
            foreach (var head in heads)
            {
                await head.DisposeAsync();
            }
        }
    }
}
