namespace HousingLedger.Functions.Hosting;

/// <summary>One occurrence of a timer function's schedule.</summary>
/// <param name="ScheduledAt">The occurrence this run is for.</param>
/// <param name="IsPastDue">True when the occurrence was missed (nothing was running at the time) and is run late.</param>
public sealed record TimerTick(DateTimeOffset ScheduledAt, bool IsPastDue);
