using System.Runtime.CompilerServices;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Pipeline;

/// <summary>
/// Timer: appends events that were accepted but whose wake-up message was lost (a crash between the two writes,
/// or a queue outage). Only events older than a grace period are looked at, so it rarely races the queue. It asks each
/// chain (the operator's and every association's) for its oldest waiting event, one query each within the chain's
/// partition, rather than scanning the state table for outbox rows: its cost grows with the number of associations,
/// never with history.
/// </summary>
public sealed class LedgerCatchUpFunction(
    OutboxStore outbox, PartyStore parties, LedgerAppender appender, TimeProvider time, IConfiguration configuration, ILogger<LedgerCatchUpFunction> logger)
{
    /// <summary>How old an accepted event must be before the timer appends it (<c>Ledger:CatchUpGrace</c>).</summary>
    public const string GraceSetting = "Ledger:CatchUpGrace";

    private static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(30);

    [Function("LedgerCatchUp")]
    public async Task RunAsync([TimerTrigger("%Ledger:CatchUpSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var grace = configuration.GetValue(GraceSetting, DefaultGrace);
        var acceptedBefore = time.GetUtcNow() - grace;
        await foreach (var chain in ChainsAsync(cancellationToken))
        {
            if (!await outbox.HasWaitingAsync(chain, acceptedBefore, cancellationToken))
            {
                continue;
            }

            var appended = await appender.AppendPendingAsync(chain, cancellationToken);
            if (appended > 0)
            {
                logger.LogWarning("Caught up {Count} events on chain {Chain} that the queue had not delivered", appended, chain);
            }
        }
    }

    private async IAsyncEnumerable<string> ChainsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return OperatorChain.Name;
        await foreach (var associationId in parties.AssociationIdsAsync(cancellationToken))
        {
            yield return associationId.Value;
        }
    }
}
