using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// <c>hl recompute EXPORT…</c> (SPEC §14): reads the exports once into <see cref="ChainsUnderAudit"/>, runs each
/// check over them and gathers every finding, not the first. Thread-safe.
/// </summary>
public static class Recompute
{
    /// <summary>
    /// The checks <c>hl recompute</c> runs: every settled price (<see cref="SettlementPriceCheck"/>) and every fee
    /// (<see cref="FeeCheck"/>, against <paramref name="expectedFeePerJob"/> when the auditor gives one), and every
    /// closed fee statement (<see cref="FeeStatementCheck"/>).
    /// </summary>
    public static IReadOnlyList<IAuditCheck> Checks(Money? expectedFeePerJob) =>
        [new SettlementPriceCheck(), new FeeCheck(expectedFeePerJob), new FeeStatementCheck()];

    /// <summary>Reads <paramref name="exports"/> (see <see cref="ChainsUnderAudit.Read"/>) and runs <paramref name="checks"/> over them.</summary>
    public static RecomputeOutcome Run(IEnumerable<IEnumerable<LedgerTransaction>> exports, IEnumerable<IAuditCheck> checks) =>
        Run(ChainsUnderAudit.Read(exports), checks);

    /// <summary>
    /// Runs <paramref name="checks"/> over <paramref name="chains"/>: the irregularities found while reading come
    /// first, then each check's findings in the order the checks are given.
    /// </summary>
    public static RecomputeOutcome Run(ChainsUnderAudit chains, IEnumerable<IAuditCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(chains);
        ArgumentNullException.ThrowIfNull(checks);
        List<AuditFinding> findings = [.. chains.Irregularities, .. checks.SelectMany(check => check.Check(chains))];
        return RecomputeOutcome.Of(chains.Settlements.Count, findings);
    }
}
