namespace HousingLedger.Functions.Hosting;

/// <summary>
/// A function run on a six-field NCRONTAB schedule (UTC), by one instance at a time and never concurrently
/// with itself. A failed tick is not retried; the next one comes on schedule. Register with
/// <see cref="FunctionRegistrationExtensions.AddTimerFunction{TFunction}"/>; one instance serves one tick (scoped).
/// </summary>
public interface ITimerFunction
{
    Task RunAsync(TimerTick tick, CancellationToken cancellationToken);
}
