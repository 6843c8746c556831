using System.Text.Json.Nodes;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Fees;

/// <summary>
/// What one association's chain records about fees, read transaction by transaction in chain order: each
/// <c>job.settled</c> fee with its leaf index and recording time, and each <c>fee.statementClosed</c>. The
/// statements are worked out from it alone (the other part of this class), by the service and by <c>hl recompute</c>
/// alike. Keeps only those small records, so its memory grows with the jobs settled. Not thread-safe while being read.
/// </summary>
public sealed partial class FeeLedger(AssociationId associationId)
{
    private readonly List<FeeEntry> entries = [];
    private readonly List<RecordedClose> closes = [];

    public AssociationId AssociationId => associationId;

    /// <summary>How many transactions have been read: the chain's tree size so far.</summary>
    public long TreeSize { get; private set; }

    /// <summary>When the chain's first transaction was recorded; null while none has been read.</summary>
    public DateTimeOffset? FirstRecordedAt { get; private set; }

    public IReadOnlyList<FeeEntry> Entries => entries;

    /// <summary>Every close, in chain order; one not yet on the chain (<see cref="AddPending"/>) has no leaf index.</summary>
    public IReadOnlyList<RecordedClose> Closes => closes;

    /// <summary>
    /// Reads the chain's next transaction. A <c>job.settled</c> whose subject or fee cannot be read, or a close whose
    /// data cannot, is left out and its errors answered; nothing else is read.
    /// </summary>
    public IReadOnlyList<FieldError> Add(LedgerTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var leafIndex = TreeSize++;
        FirstRecordedAt ??= tx.RecordedAt;
        return tx.Type switch
        {
            JobEventTypes.Settled => AddFee(tx, leafIndex),
            StatementClosed.Type => AddClose(tx, leafIndex),
            _ => [],
        };
    }

    /// <summary>A close the service has recorded and the chain does not hold yet, so that later months are closed after it.</summary>
    public void AddPending(StatementClosed close) => closes.Add(new RecordedClose(null, StatementClosed.EventIdOf(close.Month), close));

    private IReadOnlyList<FieldError> AddFee(LedgerTransaction tx, long leafIndex)
    {
        var fee = LedgerDocument.Read<object>(tx.Data, "data", null, fields => fields.Integer("fee", 0, SafeIntegers.Largest));
        if (!TypedId.TryParse<JobId>(tx.Subject, out var jobId))
        {
            return [new FieldError("subject", "must be the id of the job settled")];
        }

        if (!fee.IsValid)
        {
            return fee.Errors;
        }

        entries.Add(new FeeEntry(leafIndex, jobId, tx.EventId, tx.RecordedAt, Money.FromPence((long)fee.Value)));
        return [];
    }

    private IReadOnlyList<FieldError> AddClose(LedgerTransaction tx, long leafIndex)
    {
        var close = StatementClosed.FromLedgerData(tx.Data);
        if (!close.IsValid)
        {
            return close.Errors;
        }

        closes.Add(new RecordedClose(leafIndex, tx.EventId, close.Value));
        return [];
    }
}

/// <summary>A <c>fee.statementClosed</c> as its chain holds it: where (null while not on the chain yet), its event id and its data.</summary>
public sealed record RecordedClose(long? LeafIndex, string EventId, StatementClosed Close);
