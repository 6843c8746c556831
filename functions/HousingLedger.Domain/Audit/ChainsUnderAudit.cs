using HousingLedger.Fees;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// What the exports given to <c>hl recompute</c> record, read once and shared by every <see cref="IAuditCheck"/>:
/// the chains given, each contract's terms and holders, each job's views over time, each <c>job.settled</c>,
/// each <c>batch.created</c> and each chain's fees, and the transactions that could not be read as their type requires. It keeps these
/// compact records, never the transactions, so its memory grows with the jobs under audit, not with the chains.
/// Read-only once built; safe to share between checks.
/// </summary>
public sealed class ChainsUnderAudit
{
    internal ChainsUnderAudit()
    {
    }

    /// <summary>The chains whose exports were given.</summary>
    public IReadOnlySet<string> ChainsGiven => ChainSet;

    /// <summary>Every contract some export records terms for.</summary>
    public IReadOnlyDictionary<ContractId, AuditedContract> Contracts => ContractMap;

    /// <summary>Every job raised on a chain given.</summary>
    public IReadOnlyDictionary<JobId, AuditedJob> Jobs => JobMap;

    /// <summary>Every <c>job.settled</c> of a job raised on its chain: chains in the order given, each in chain order.</summary>
    public IReadOnlyList<RecordedSettlement> Settlements => SettlementList;

    /// <summary>Every <c>batch.created</c>, by batch id.</summary>
    public IReadOnlyDictionary<string, RecordedBatch> Batches => BatchMap;

    /// <summary>Each chain's fees and fee statement closes, by chain.</summary>
    public IReadOnlyDictionary<AssociationId, FeeLedger> Fees => FeeMap;

    /// <summary>Transactions that do not hold what their type requires, found while reading.</summary>
    public IReadOnlyList<AuditFinding.Irregularity> Irregularities => IrregularityList;

    internal HashSet<string> ChainSet { get; } = new(StringComparer.Ordinal);

    internal Dictionary<ContractId, AuditedContract> ContractMap { get; } = [];

    internal Dictionary<JobId, AuditedJob> JobMap { get; } = [];

    internal List<RecordedSettlement> SettlementList { get; } = [];

    // Each contract's jobs, so a re-derivation reads only the jobs of the contract it prices.
    internal Dictionary<ContractId, List<AuditedJob>> JobsByContract { get; } = [];

    internal Dictionary<string, RecordedBatch> BatchMap { get; } = new(StringComparer.Ordinal);

    internal List<AuditFinding.Irregularity> IrregularityList { get; } = [];

    internal Dictionary<AssociationId, FeeLedger> FeeMap { get; } = [];

    /// <summary>
    /// Reads <paramref name="exports"/>, one sequence of transactions per chain export, each in chain order (block
    /// by height, then leaf order). A chain is named by its transactions' <c>chain</c>; each export is enumerated
    /// once, so it may stream from a file.
    /// </summary>
    public static ChainsUnderAudit Read(IEnumerable<IEnumerable<LedgerTransaction>> exports)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var chains = new ChainsUnderAudit();
        foreach (var export in exports)
        {
            new ExportReader(chains).Read(export);
        }

        return chains;
    }

    /// <summary>Every job under <paramref name="contractId"/>, of whichever holder raised it.</summary>
    public IReadOnlyList<AuditedJob> JobsOf(ContractId contractId) => JobsByContract.TryGetValue(contractId, out var jobs) ? jobs : [];

    internal void Add(AuditedJob job)
    {
        JobMap.Add(job.JobId, job);
        if (!JobsByContract.TryGetValue(job.ContractId, out var jobs))
        {
            JobsByContract[job.ContractId] = jobs = [];
        }

        jobs.Add(job);
    }
}
