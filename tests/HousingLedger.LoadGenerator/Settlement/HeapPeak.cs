namespace HousingLedger.LoadGenerator.Settlement;

/// <summary>
/// The largest managed heap left after a garbage collection while it runs, read every 10 ms: what the process
/// holds at once, as opposed to what it allocates and frees. Garbage that no collection has reached yet is not
/// counted, and a collection's size is missed if the next one comes within the same 10 ms.
/// </summary>
public sealed class HeapPeak : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<long> sampling;

    private HeapPeak() => sampling = SampleAsync(stop.Token);

    public static HeapPeak Start() => new();

    /// <summary>Stops sampling; returns the largest heap seen, in bytes.</summary>
    public async Task<long> StopAsync()
    {
        await stop.CancelAsync();
        return await sampling;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private static async Task<long> SampleAsync(CancellationToken cancellationToken)
    {
        var peak = GC.GetGCMemoryInfo().HeapSizeBytes;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                peak = Math.Max(peak, GC.GetGCMemoryInfo().HeapSizeBytes);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return Math.Max(peak, GC.GetGCMemoryInfo().HeapSizeBytes);
    }
}
