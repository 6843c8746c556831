using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Ledger;

namespace HousingLedger.Audit;

/// <summary>
/// One association's chain as the service writes it, built transaction by transaction for the recompute tests:
/// contracts with their full terms and hash, job events with their business and recorded times, settlements with
/// figures worked out by hand, and batches. Every event is recorded a second after it occurred unless a test says otherwise.
/// </summary>
internal sealed class AuditChain(string chain)
{
    private readonly List<LedgerTransaction> transactions = [];

    public string Name => chain;

    public IReadOnlyList<LedgerTransaction> Transactions => transactions;

    public AuditChain Register(string contractId, ContractTerms terms, DateTimeOffset at) =>
        Add("contract.registered", at, at, "association:" + chain, contractId, ContractData(contractId, terms));

    public AuditChain Joined(string contractId, ContractTerms terms, string ownerId, string memberId, DateTimeOffset at)
    {
        var data = ContractData(contractId, terms);
        data["ownerId"] = ownerId;
        data["memberId"] = memberId;
        return Add("contract.joined", at, at, "association:" + ownerId, contractId, data);
    }

    /// <summary>
    /// Raises a job for <paramref name="quantity"/> of <paramref name="itemCode"/>, urgent (due in 7 days) unless
    /// <paramref name="routine"/> (28 days), with the deadline the terms give unless a test records another.
    /// </summary>
    public AuditChain Raise(
        string jobId, string contractId, ContractTerms terms, string itemCode, int quantity, DateTimeOffset raisedAt, DateTimeOffset? deadline = null, bool routine = false) =>
        Add("job.raised", raisedAt, raisedAt.AddSeconds(1), "association:" + chain, jobId, new JsonObject
        {
            ["contractId"] = contractId,
            ["termsHash"] = terms.TermsHash,
            ["supplierId"] = terms.SupplierId.Value,
            ["itemCode"] = itemCode,
            ["quantity"] = quantity,
            ["priority"] = routine ? "routine" : "urgent",
            ["propertyRef"] = "UPRN-" + jobId,
            ["deadline"] = Values.UtcTimestamp.Format(deadline ?? raisedAt.AddDays(routine ? 28 : 7)),
        });

    /// <summary>A job event (<c>job.accepted</c>, <c>job.completed</c> …) that occurred at <paramref name="at"/>, recorded a second later or at <paramref name="recordedAt"/>.</summary>
    public AuditChain Event(string type, string jobId, DateTimeOffset at, DateTimeOffset? recordedAt = null) =>
        Add(type, at, recordedAt ?? at.AddSeconds(1), type is "job.approved" or "job.disputed" ? "association:" + chain : "supplier:sup_cookers01", jobId, new JsonObject());

    /// <summary>Accepted a day after it was raised, completed at <paramref name="completedAt"/>, approved at <paramref name="approvedAt"/>.</summary>
    public AuditChain Done(string jobId, DateTimeOffset raisedAt, DateTimeOffset completedAt, DateTimeOffset? approvedAt = null)
    {
        Event("job.accepted", jobId, raisedAt.AddHours(1));
        Event("job.completed", jobId, completedAt);
        return approvedAt is { } approved ? Event("job.approved", jobId, approved) : this;
    }

    public AuditChain Settled(string jobId, DateTimeOffset recordedAt, string batchId, JsonObject figures)
    {
        var data = figures.DeepClone().AsObject();
        data["batchId"] = batchId;
        return Add("job.settled", recordedAt, recordedAt, "service:settlement", jobId, data);
    }

    public AuditChain Batch(string batchId, string runId, DateTimeOffset asOf, DateTimeOffset recordedAt) =>
        Add("batch.created", recordedAt, recordedAt, "service:settlement", batchId, new JsonObject
        {
            ["batchId"] = batchId,
            ["runId"] = runId,
            ["asOf"] = Values.UtcTimestamp.Format(asOf),
            ["manifestSha256"] = new string('a', 64),
        });

    /// <summary>
    /// Closes the fee statement of <paramref name="month"/> over every transaction so far, charging the fees of the
    /// <c>job.settled</c> of <paramref name="jobIds"/>, with the count and total worked out by hand. The hash is of
    /// the statement those lines make (its JSON form is pinned by FeeStatementTests).
    /// </summary>
    public AuditChain FeeStatementClosed(string month, string[] jobIds, int jobCount, long totalFee, DateTimeOffset recordedAt)
    {
        var closed = Fees.StatementMonth.TryParse(month, out var parsed) ? parsed : throw new ArgumentException(month);
        var lines = transactions
            .Select((tx, index) => (tx, index))
            .Where(settled => settled.tx.Type == "job.settled" && jobIds.Contains(settled.tx.Subject))
            .Select(settled => new Fees.FeeEntry(
                settled.index, Values.TypedId.Parse<Values.JobId>(settled.tx.Subject), settled.tx.EventId, settled.tx.RecordedAt, Values.Money.FromPence((long)settled.tx.Data["fee"]!)))
            .ToList();
        var statement = new Fees.FeeStatement(Values.TypedId.Parse<Values.AssociationId>(chain), closed, Fees.FeeStatementStatus.Closed, transactions.Count, lines);
        var close = new Fees.StatementClosed(closed, transactions.Count, jobCount, Values.Money.FromPence(totalFee), statement.Sha256());
        return Add(Fees.StatementClosed.Type, recordedAt, recordedAt, "service:settlement", Fees.StatementClosed.SubjectOf(closed), close.ToLedgerData());
    }

    /// <summary>The chain with its transaction for <paramref name="eventType"/> of <paramref name="subject"/> replaced by what <paramref name="change"/> makes of it.</summary>
    public AuditChain With(string eventType, string subject, Func<LedgerTransaction, LedgerTransaction?> change)
    {
        var changed = new AuditChain(chain);
        foreach (var tx in transactions)
        {
            if (tx.Type == eventType && tx.Subject == subject)
            {
                if (change(tx) is { } replacement)
                {
                    changed.transactions.Add(replacement);
                }
            }
            else
            {
                changed.transactions.Add(tx);
            }
        }

        return changed;
    }

    /// <summary>A copy of <paramref name="tx"/> with its data changed by <paramref name="change"/>.</summary>
    public static LedgerTransaction WithData(LedgerTransaction tx, Action<JsonObject> change)
    {
        var data = tx.Data;
        change(data);
        return new LedgerTransaction(tx.Type, tx.Chain, tx.EventId, tx.OccurredAt, tx.RecordedAt, tx.Actor, tx.Subject, data);
    }

    /// <summary>A copy of <paramref name="tx"/> that occurred at <paramref name="occurredAt"/>, recorded a second later.</summary>
    public static LedgerTransaction OccurredAt(LedgerTransaction tx, DateTimeOffset occurredAt) =>
        new(tx.Type, tx.Chain, tx.EventId, occurredAt, occurredAt.AddSeconds(1), tx.Actor, tx.Subject, tx.Data);

    private static JsonObject ContractData(string contractId, ContractTerms terms) => new()
    {
        ["contractId"] = contractId,
        ["termsHash"] = terms.TermsHash,
        ["terms"] = terms.ToCanonicalJson(),
    };

    private AuditChain Add(string type, DateTimeOffset occurredAt, DateTimeOffset recordedAt, string actor, string subject, JsonObject data)
    {
        transactions.Add(new LedgerTransaction(type, chain, $"evt_{transactions.Count + 1:D3}", occurredAt, recordedAt, actor, subject, data));
        return this;
    }
}
