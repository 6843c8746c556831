using HousingLedger.Fees;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.State;
using HousingLedger.Values;

namespace HousingLedger.Functions.Fees;

/// <summary>
/// Closes fee statements (docs/settlement.md, "Fee statements"): each month still open up to the one asked for, in
/// order, with a <c>fee.statementClosed</c> whose statement is worked out from the chain alone. A month is closed at
/// most once (its event id is derived from it), and closes are accepted one after another against the association's
/// <see cref="FeeStatementStore"/> row, each worked out from a chain that holds every close before it, so closers
/// may run at once, retry or crash anywhere and the closed statements stay those the chain determines.
/// </summary>
public sealed class FeeStatementClosing(
    ChainFees chainFees, FeeStatementStore store, TableLedgerStore ledger, EventIntake intake, PartyStore parties, ILogger<FeeStatementClosing> logger)
{
    // 30 seconds, long enough for the appender, woken at once, to put a close on the chain; past it something is
    // wrong. Counted in polls, not by the clock, which tests may hold still.
    private const int PendingPolls = 150;
    private static readonly TimeSpan PendingPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Closes every open month of the association up to <paramref name="through"/> and answers the close of
    /// <paramref name="through"/> as the chain holds it (this call's or an earlier one's); null when the month
    /// predates the association's chain, so nothing is charged in it. A close made here is answered once it is on
    /// the chain.
    /// </summary>
    /// <exception cref="TimeoutException">An earlier close did not reach the chain in time; closing again later finishes the work.</exception>
    public async Task<StatementClosed?> CloseThroughAsync(AssociationId associationId, StatementMonth through, string actor, CancellationToken cancellationToken)
    {
        while (true)
        {
            var last = await store.GetLastCloseAsync(associationId, cancellationToken);
            if (last is not null)
            {
                await WaitUntilOnChainAsync(associationId, last.EventId, cancellationToken);
            }

            var fees = await chainFees.ReadAsync(associationId, cancellationToken);
            if (fees.LastClosedMonth >= through || fees.MonthsToClose(through).Count == 0)
            {
                return fees.Closes.FirstOrDefault(close => close.Close.Month == through)?.Close;
            }

            if (await CloseInOrderAsync(fees, through, last, actor, cancellationToken) is { } closed)
            {
                // Answered once it is on the chain, so that the statement read next is the closed one the answer hashes.
                await WaitUntilOnChainAsync(associationId, StatementClosed.EventIdOf(closed.Month), cancellationToken);
                return closed;
            }
        }
    }

    /// <summary>
    /// The settlement timer's part: closes, for every association, every month that has ended by
    /// <paramref name="now"/>. One association's failure does not stop the others; it is logged, and rethrown once
    /// they are done.
    /// </summary>
    /// <exception cref="AggregateException">Closing failed for one or more associations; the next run closes what is left.</exception>
    public async Task CloseEndedMonthsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = StatementMonth.Of(now).Previous();
        var failures = new List<Exception>();
        await foreach (var associationId in parties.AssociationIdsAsync(cancellationToken))
        {
            try
            {
                await CloseThroughAsync(associationId, ended, "service:settlement", cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidDataException or Azure.RequestFailedException)
            {
                logger.LogError(ex, "Closing the fee statements of {AssociationId} through {Month} failed", associationId, ended);
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"Closing fee statements through {ended} failed for {failures.Count} associations.", failures);
        }
    }

    // Closes each month in order, each against the row as the one before left it. Null when another closer got in
    // first: its close may change what this one's statements hold, so they are worked out again.
    private async Task<StatementClosed?> CloseInOrderAsync(FeeLedger fees, StatementMonth through, LastClose? read, string actor, CancellationToken cancellationToken)
    {
        StatementClosed? closed = null;
        foreach (var month in fees.MonthsToClose(through))
        {
            closed = fees.Closing(month).ToClose();
            var eventId = StatementClosed.EventIdOf(month);
            var tx = intake.NewTransaction(
                StatementClosed.Type, fees.AssociationId.Value, TypedId.Parse<EventId>(eventId), null, actor, StatementClosed.SubjectOf(month), closed.ToLedgerData());
            if (await intake.AcceptAsync(tx, [FeeStatementStore.Closed(month.ToString(), eventId, read)], cancellationToken) != AcceptOutcome.Accepted)
            {
                return null;
            }

            fees.AddPending(closed);
            read = await store.GetLastCloseAsync(fees.AssociationId, cancellationToken);
            if (read?.EventId != eventId)
            {
                return null;
            }
        }

        return closed;
    }

    private async Task WaitUntilOnChainAsync(AssociationId associationId, string eventId, CancellationToken cancellationToken)
    {
        for (var poll = 0; await ledger.FindEventAsync(associationId.Value, eventId, cancellationToken) is null; poll++)
        {
            if (poll == PendingPolls)
            {
                throw new TimeoutException($"The close {eventId} of {associationId} has not reached its chain after {PendingPolls} tries.");
            }

            if (poll == 0)
            {
                await intake.WakeAppenderAsync(associationId.Value, cancellationToken);
            }

            await Task.Delay(PendingPoll, cancellationToken);
        }
    }
}
