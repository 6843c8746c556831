using HousingLedger.Infrastructure.State;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Pipeline;

/// <summary>
/// Timer: appends events that were accepted but whose wake-up message was lost (a crash between the two writes,
/// or a queue outage). Only events older than a grace period are looked at, so it rarely races the queue.
/// </summary>
public sealed class LedgerCatchUpFunction(
    OutboxStore outbox, LedgerAppender appender, TimeProvider time, IConfiguration configuration, ILogger<LedgerCatchUpFunction> logger)
{
    /// <summary>How old an accepted event must be before the timer appends it (<c>Ledger:CatchUpGrace</c>).</summary>
    public const string GraceSetting = "Ledger:CatchUpGrace";

    private static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(30);

    [Function("LedgerCatchUp")]
    public async Task RunAsync([TimerTrigger("%Ledger:CatchUpSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var grace = configuration.GetValue(GraceSetting, DefaultGrace);
        await foreach (var chain in outbox.ChainsWithPendingEventsAsync(time.GetUtcNow() - grace, cancellationToken))
        {
            var appended = await appender.AppendPendingAsync(chain, cancellationToken);
            if (appended > 0)
            {
                logger.LogWarning("Caught up {Count} events on chain {Chain} that the queue had not delivered", appended, chain);
            }
        }
    }
}
