using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Payments;

/// <summary>
/// What one settlement run pays on behalf of one association (SPEC §7): one credit transfer per supplier, each
/// covering that supplier's settled jobs. Built only through <see cref="Create"/>, so every batch holds its
/// invariants: at least one transfer, one transfer per supplier, no reference twice, every amount in range.
/// Transfers are ordered by supplier id, so the same settlement always writes the same files. Totals are derived
/// from the transfers and never stored. The remittance lines are not held here: they are checked one at a time by
/// each transfer's <see cref="RemittanceTally"/> and written to the remittance CSV as they are read.
/// </summary>
public sealed class PaymentBatch
{
    /// <summary>The longest batch id: it doubles as the pain.001 message id, an ISO 20022 <c>Max35Text</c>.</summary>
    public const int MaxBatchIdLength = 35;

    /// <summary>
    /// The largest batch total: 2^53 − 1 pence, the largest integer a JSON number carries exactly, so totals on
    /// the ledger and in the manifest are never rounded. (About £90 trillion; every file format fits below it.)
    /// </summary>
    public const long MaxTotalPence = (1L << 53) - 1;

    private PaymentBatch(
        string batchId, string associationId, string runId, DateTimeOffset createdAt, DateOnly paymentDate,
        PaymentParty payer, IReadOnlyList<CreditTransfer> transfers)
    {
        BatchId = batchId;
        AssociationId = associationId;
        RunId = runId;
        CreatedAt = createdAt;
        PaymentDate = paymentDate;
        Payer = payer;
        Transfers = transfers;
    }

    public string BatchId { get; }

    /// <summary>The association whose account pays.</summary>
    public string AssociationId { get; }

    /// <summary>The settlement run that produced the batch.</summary>
    public string RunId { get; }

    /// <summary>When the batch was made (passed in by the caller; the domain never reads the clock).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The day the bank is asked to pay (pain.001 requested execution date).</summary>
    public DateOnly PaymentDate { get; }

    /// <summary>The association: its name and the account debited.</summary>
    public PaymentParty Payer { get; }

    /// <summary>One per supplier, ordered by supplier id.</summary>
    public IReadOnlyList<CreditTransfer> Transfers { get; }

    /// <summary>The sum of all transfers (pain.001 <c>CtrlSum</c>).</summary>
    public Money ControlSum => Money.Sum(Transfers.Select(transfer => transfer.Amount));

    /// <summary>How many credit transfers the batch makes (pain.001 <c>NbOfTxs</c>).</summary>
    public int NumberOfTransactions => Transfers.Count;

    /// <summary>How many settled jobs the batch pays for.</summary>
    public int NumberOfJobs => Transfers.Sum(transfer => transfer.NumberOfJobs);

    /// <summary>
    /// Checks and builds a batch. Every problem is reported as a field error whose path names the transfer as given
    /// (e.g. <c>transfers[1].endToEndReference</c>); nothing throws for bad input.
    /// </summary>
    public static Validated<PaymentBatch> Create(
        string batchId,
        string associationId,
        string runId,
        DateTimeOffset createdAt,
        DateOnly paymentDate,
        PaymentParty payer,
        IEnumerable<CreditTransfer> transfers)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(transfers);
        var given = transfers.ToList();
        var errors = PaymentBatchChecks.Check(batchId, associationId, runId, payer, given);
        if (errors.Count > 0)
        {
            return Validated<PaymentBatch>.Invalid(errors);
        }

        var ordered = given.OrderBy(transfer => transfer.SupplierId, StringComparer.Ordinal).ToList();
        return Validated<PaymentBatch>.Valid(new PaymentBatch(batchId, associationId, runId, createdAt, paymentDate, payer, ordered));
    }
}
