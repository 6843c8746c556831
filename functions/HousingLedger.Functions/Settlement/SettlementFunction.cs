using HousingLedger.Functions.Hosting;

namespace HousingLedger.Functions.Settlement;

/// <summary>Timer: settles every association's approved jobs as of now, nightly by default (SPEC §6).</summary>
public sealed class SettlementFunction(SettlementRunner runner, TimeProvider time) : ITimerFunction
{
    public const string Name = "Settlement";
    public const string ScheduleSetting = "Settlement:Schedule";
    public const string DefaultSchedule = "0 0 2 * * *";

    public async Task RunAsync(TimerTick tick, CancellationToken cancellationToken) =>
        await runner.RunForAllAsync(time.GetUtcNow(), cancellationToken);
}
