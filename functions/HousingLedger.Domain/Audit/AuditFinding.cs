using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// What recomputing found that does not simply hold (SPEC §14): a figure that differs (<see cref="Difference"/>, <see cref="StatementDifference"/>),
/// something the exports given cannot settle either way (<see cref="CannotCheck"/>), or a transaction that does not
/// hold what its type requires (<see cref="Irregularity"/>). Each says what it concerns and both sides of it, in
/// one line an auditor can read (<see cref="Describe"/>). Immutable and thread-safe.
/// </summary>
public abstract record AuditFinding
{
    private AuditFinding()
    {
    }

    /// <summary>The finding in one line, e.g. for <c>hl recompute</c> to print.</summary>
    public abstract string Describe();

    /// <summary>
    /// A figure recorded on job <paramref name="JobId"/>'s <c>job.settled</c>, on chain <paramref name="Chain"/>,
    /// that is not what re-deriving it gives.
    /// </summary>
    /// <param name="Chain">The chain holding the <c>job.settled</c>.</param>
    /// <param name="JobId">The job paid.</param>
    /// <param name="Figure">The member of the <c>job.settled</c> data (<c>net</c>, <c>fee</c> …), or <c>job.settled</c> itself for a job that was not payable.</param>
    /// <param name="Recorded">The value on the ledger, as JSON text.</param>
    /// <param name="Rederived">What re-deriving gives, as JSON text, or why there is no value.</param>
    public sealed record Difference(AssociationId Chain, JobId JobId, string Figure, string Recorded, string Rederived) : AuditFinding
    {
        public override string Describe() => $"difference: {Chain} {JobId} {Figure}: recorded {Recorded}, re-derived {Rederived}";
    }

    /// <summary>
    /// A figure of the fee statement that <c>fee.statementClosed</c> closed for <paramref name="Month"/> on chain
    /// <paramref name="Chain"/>, that is not what recomputing the statement from the chain gives.
    /// </summary>
    /// <param name="Chain">The association whose statement it is.</param>
    /// <param name="Month">The month closed, <c>YYYY-MM</c>.</param>
    /// <param name="Figure">The member of the close's data: <c>jobCount</c>, <c>totalFee</c> or <c>statementSha256</c>.</param>
    /// <param name="Recorded">The value on the ledger, as JSON text.</param>
    /// <param name="Rederived">What recomputing gives, as JSON text.</param>
    public sealed record StatementDifference(AssociationId Chain, string Month, string Figure, string Recorded, string Rederived) : AuditFinding
    {
        public override string Describe() => $"difference: {Chain} fee statement {Month} {Figure}: recorded {Recorded}, re-derived {Rederived}";
    }

    /// <summary>Figures of <paramref name="Subject"/> that the exports given cannot re-derive, and why; neither held nor differing.</summary>
    /// <param name="Subject">What could not be checked, e.g. <c>contract con_ovens26</c> or <c>job job_flat12 on assoc_riverside</c>.</param>
    /// <param name="Reason">Why, and what was checked instead.</param>
    public sealed record CannotCheck(string Subject, string Reason) : AuditFinding
    {
        public override string Describe() => $"cannot check: {Subject}: {Reason}";
    }

    /// <summary>
    /// Transaction <paramref name="EventId"/> on <paramref name="Chain"/> does not hold what its type requires (a
    /// member missing, terms that do not hash to their recorded hash, an event the job's lifecycle refuses), so
    /// nothing that depends on it can be relied on.
    /// </summary>
    /// <param name="Chain">The chain holding the transaction.</param>
    /// <param name="EventId">The transaction's event id.</param>
    /// <param name="Field">The member at fault, e.g. <c>data.quantity</c>.</param>
    /// <param name="Problem">What was expected and what was found.</param>
    public sealed record Irregularity(string Chain, string EventId, string Field, string Problem) : AuditFinding
    {
        public override string Describe() => $"irregular: {Chain} {EventId} {Field}: {Problem}";
    }
}
