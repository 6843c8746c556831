namespace HousingLedger.Audit;

/// <summary>
/// One check <c>hl recompute</c> runs over the chains under audit: each reads <see cref="ChainsUnderAudit"/>, built
/// once from the exports, and answers its findings, none when everything it checks holds. A new check is one more
/// implementation handed to <see cref="Recompute.Run(ChainsUnderAudit, IEnumerable{IAuditCheck})"/>.
/// </summary>
public interface IAuditCheck
{
    /// <summary>Every finding of this check on <paramref name="chains"/>; expected failures are findings, never exceptions.</summary>
    IEnumerable<AuditFinding> Check(ChainsUnderAudit chains);
}
