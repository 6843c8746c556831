using HousingLedger.Ledger;
using HousingLedger.Validation;

namespace HousingLedger.Audit;

/// <summary>Reads <c>batch.created</c>: the batch, the run that made it and that run's as-of time T.</summary>
internal static class SettlementRecords
{
    public const string BatchCreated = "batch.created";

    public static List<AuditFinding.Irregularity> ReadBatch(LedgerTransaction tx, ChainsUnderAudit chains)
    {
        var read = LedgerDocument.Read(tx.Data, "data", null, Read);
        if (!read.IsValid)
        {
            return Irregular.Each(tx, read.Errors);
        }

        if (!chains.BatchMap.TryAdd(read.Value.BatchId, read.Value))
        {
            return [Irregular.At(tx, "data.batchId", $"expected a batch created once; found {read.Value.BatchId} again")];
        }

        return [];
    }

    private static RecordedBatch? Read(JsonObjectReader fields)
    {
        var batchId = fields.Identifier("batchId");
        var runId = fields.Identifier("runId");
        var asOf = fields.Instant("asOf");
        return fields.IsValid ? new RecordedBatch(batchId!, runId!, asOf!.Value) : null;
    }
}
