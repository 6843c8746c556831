namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// The system clock moved by <see cref="Offset"/>, so a test can cross a day-long boundary at once. It still runs,
/// and its timers are the system's, so the host's queue listeners and timers keep working when it jumps.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
