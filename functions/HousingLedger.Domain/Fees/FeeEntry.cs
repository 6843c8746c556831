using HousingLedger.Values;

namespace HousingLedger.Fees;

/// <summary>The operator's fee as one <c>job.settled</c> records it, with where that transaction sits on its chain.</summary>
/// <param name="LeafIndex">The transaction's place among all the chain's transactions, from 0.</param>
/// <param name="JobId">The job settled (the transaction's <c>subject</c>).</param>
/// <param name="EventId">The transaction's event id.</param>
/// <param name="RecordedAt">When the service recorded it; the month it falls in is the statement it belongs to, unless that month closed before it reached the chain.</param>
/// <param name="Fee">Its <c>data.fee</c>.</param>
public sealed record FeeEntry(long LeafIndex, JobId JobId, string EventId, DateTimeOffset RecordedAt, Money Fee)
{
    public StatementMonth Month => StatementMonth.Of(RecordedAt);
}
