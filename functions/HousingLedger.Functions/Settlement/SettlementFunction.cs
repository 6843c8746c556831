using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Settlement;

/// <summary>Timer: settles every association's approved jobs as of now, nightly by default (SPEC §6).</summary>
public sealed class SettlementFunction(SettlementRunner runner, TimeProvider time)
{
    [Function("Settlement")]
    public async Task RunAsync([TimerTrigger("%Settlement:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await runner.RunForAllAsync(time.GetUtcNow(), cancellationToken);
}
