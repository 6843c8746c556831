using HousingLedger.Fees;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// Reads one chain's export into <see cref="ChainsUnderAudit"/>, transaction by transaction in chain order, keeping
/// only what recomputing needs. What cannot be read as its type requires becomes an irregularity, not an exception.
/// </summary>
internal sealed class ExportReader(ChainsUnderAudit chains)
{
    // The contracts whose terms this chain itself records: a chain alone holds every rule that priced its payments.
    private readonly HashSet<ContractId> heldHere = [];
    private string? chain;
    private FeeLedger? fees;

    public void Read(IEnumerable<LedgerTransaction> export)
    {
        ArgumentNullException.ThrowIfNull(export);
        foreach (var tx in export)
        {
            if (chain is null && !Begin(tx))
            {
                return;
            }

            if (tx.Chain != chain)
            {
                Record(Irregular.At(tx, "chain", $"expected every transaction of the export to be on {chain}; found {tx.Chain}"));
                continue;
            }

            Read(tx);
        }
    }

    private bool Begin(LedgerTransaction first)
    {
        chain = first.Chain;
        if (chains.ChainSet.Add(first.Chain))
        {
            // Only an association's chain has fees; the operator's has none to read.
            if (TypedId.TryParse<AssociationId>(first.Chain, out var association))
            {
                chains.FeeMap[association] = fees = new FeeLedger(association);
            }

            return true;
        }

        Record(Irregular.At(first, "chain", $"the export of {first.Chain} was given twice; only the first was read"));
        return false;
    }

    private void Read(LedgerTransaction tx)
    {
        // Every transaction, for the leaf indexes; a job.settled that cannot be read is named by SettlementPriceCheck.
        var feeErrors = fees?.Add(tx) ?? [];
        switch (tx.Type)
        {
            case ContractRecords.Registered or ContractRecords.Joined:
                ContractRecords.Read(tx, chains, heldHere).ForEach(Record);
                break;
            case JobEventTypes.Raised:
                JobRecords.Raise(tx, chains, heldHere).ForEach(Record);
                break;
            case var type when JobEventTypes.IsKnown(type):
                JobRecords.Apply(tx, chains).ForEach(Record);
                break;
            case SettlementRecords.BatchCreated:
                SettlementRecords.ReadBatch(tx, chains).ForEach(Record);
                break;
            case StatementClosed.Type:
                Irregular.Each(tx, feeErrors).ForEach(Record);
                break;
        }
    }

    private void Record(AuditFinding.Irregularity irregularity) => chains.IrregularityList.Add(irregularity);
}
