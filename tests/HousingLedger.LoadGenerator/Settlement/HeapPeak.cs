namespace HousingLedger.LoadGenerator.Settlement;

/// <summary>
/// The most the managed heap held live while it runs: every 250 ms it forces a full, blocking collection and
/// reads what survived, so the figure is what the process kept reachable then, not garbage a collection had not
/// reached yet nor the collector's budgets. Something held for less than 250 ms can be missed; the collections
/// cost the run a little time.
/// </summary>
public sealed class HeapPeak : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource stop = new();
    private readonly Task<long> sampling;

    private HeapPeak(long baseline)
    {
        Baseline = baseline;
        sampling = SampleAsync(stop.Token);
    }

    /// <summary>What was live when sampling began, in bytes.</summary>
    public long Baseline { get; }

    public static HeapPeak Start() => new(Live());

    /// <summary>Stops sampling; returns the most seen live, in bytes.</summary>
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

    private async Task<long> SampleAsync(CancellationToken cancellationToken)
    {
        var peak = Baseline;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                peak = Math.Max(peak, Live());
            }
        }
        catch (OperationCanceledException)
        {
        }

        return Math.Max(peak, Live());
    }

    private static long Live() => GC.GetTotalMemory(forceFullCollection: true);
}
