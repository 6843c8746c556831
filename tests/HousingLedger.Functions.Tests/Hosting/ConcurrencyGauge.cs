namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>Counts how many runs are inside at once, and the most there ever were.</summary>
internal sealed class ConcurrencyGauge
{
    private int inside;
    private int most;
    private int finished;

    public int Inside => Volatile.Read(ref inside);

    public int Most => Volatile.Read(ref most);

    public int Finished => Volatile.Read(ref finished);

    public void Enter()
    {
        var now = Interlocked.Increment(ref inside);
        for (var seen = Most; now > seen; seen = Most)
        {
            Interlocked.CompareExchange(ref most, now, seen);
        }
    }

    public void Exit()
    {
        Interlocked.Decrement(ref inside);
        Interlocked.Increment(ref finished);
    }
}
