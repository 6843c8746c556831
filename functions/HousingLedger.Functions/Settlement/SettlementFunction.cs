using HousingLedger.Functions.Fees;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// Timer: settles every association's approved jobs as of now, nightly by default (SPEC §6), then closes every fee
/// statement of a month that has ended (SPEC §9), so the first run after a month ends closes it.
/// </summary>
public sealed class SettlementFunction(SettlementRunner runner, FeeStatementClosing closing, TimeProvider time)
{
    [Function("Settlement")]
    public async Task RunAsync([TimerTrigger("%Settlement:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await runner.RunForAllAsync(now, cancellationToken);
        await closing.CloseEndedMonthsAsync(now, cancellationToken);
    }
}
