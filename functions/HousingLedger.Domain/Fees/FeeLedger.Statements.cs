namespace HousingLedger.Fees;

/// <summary>
/// Which <c>job.settled</c> fees each statement charges, from the chain alone (docs/settlement.md, "Fee statements").
/// A close of month M with tree size N charges every fee among the chain's first N transactions that was recorded in
/// M or earlier and that no earlier close charged. A fee still uncharged belongs to the open statement of the month it
/// was recorded in or, when that month has closed without it (it reached the chain after the close's tree size), to
/// the month after the last closed one. So each fee is charged exactly once, and nothing appended after a close can
/// change what it charged.
/// </summary>
public sealed partial class FeeLedger
{
    /// <summary>The latest month closed, on the chain or pending; null when none is.</summary>
    public StatementMonth? LastClosedMonth => closes.Count == 0 ? null : closes.Max(close => close.Close.Month);

    /// <summary>The month's statement: the one its close fixed, when the month is closed; otherwise what it holds so far.</summary>
    public FeeStatement Statement(StatementMonth month)
    {
        if (closes.FirstOrDefault(close => close.Close.Month == month) is { } closed)
        {
            return new FeeStatement(AssociationId, month, FeeStatementStatus.Closed, closed.Close.TreeSize, [.. entries.Where(entry => ChargedBy(entry) == closed)]);
        }

        var last = LastClosedMonth;
        return new FeeStatement(
            AssociationId, month, FeeStatementStatus.Open, TreeSize, [.. entries.Where(entry => ChargedBy(entry) is null && OpenMonthOf(entry, last) == month)]);
    }

    /// <summary>
    /// The months that closing through <paramref name="through"/> closes, oldest first: each from the month after the
    /// last closed one (when none is, the month of the chain's first transaction, so no earlier fee is left open) up to
    /// <paramref name="through"/>; none when it is closed already.
    /// </summary>
    public IReadOnlyList<StatementMonth> MonthsToClose(StatementMonth through)
    {
        var month = LastClosedMonth?.Next() ?? (FirstRecordedAt is { } first ? StatementMonth.Of(first) : through);
        var months = new List<StatementMonth>();
        for (; month <= through; month = month.Next())
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>
    /// The statement that closing <paramref name="month"/> now fixes: every fee read so far, recorded in the month or
    /// earlier, that no close charges yet, over the tree size read so far.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="month"/> is not after the last closed month.</exception>
    public FeeStatement Closing(StatementMonth month)
    {
        if (LastClosedMonth is { } last && month <= last)
        {
            throw new InvalidOperationException($"Months close in order: {month} is not after {last}, closed already.");
        }

        return new FeeStatement(
            AssociationId, month, FeeStatementStatus.Closed, TreeSize, [.. entries.Where(entry => ChargedBy(entry) is null && entry.Month <= month)]);
    }

    // The first close in chain order whose tree size holds the fee and whose month is not before the fee's.
    private RecordedClose? ChargedBy(FeeEntry entry) =>
        closes.FirstOrDefault(close => entry.LeafIndex < close.Close.TreeSize && entry.Month <= close.Close.Month);

    private static StatementMonth OpenMonthOf(FeeEntry entry, StatementMonth? lastClosed) =>
        lastClosed is { } last ? StatementMonth.Max(entry.Month, last.Next()) : entry.Month;
}
