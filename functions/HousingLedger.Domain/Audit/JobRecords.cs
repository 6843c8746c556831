using System.Text.Json.Nodes;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Settlement;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// Reads a job's events as the service applied them: <c>job.raised</c> through <see cref="JobLifecycle.Raise"/>
/// under the terms its chain records, every later event through <see cref="JobLifecycle.Apply"/> at the time it
/// was recorded, so a job's views are the ones the service's own rules gave. A <c>job.settled</c> is kept for the checks.
/// </summary>
internal static class JobRecords
{
    public static List<AuditFinding.Irregularity> Raise(LedgerTransaction tx, ChainsUnderAudit chains, IReadOnlySet<ContractId> heldHere)
    {
        var read = LedgerDocument.Read(tx.Data, "data", null, RaisedData.Read);
        if (!read.IsValid)
        {
            return Irregular.Each(tx, read.Errors);
        }

        var data = read.Value;
        if (!heldHere.Contains(data.ContractId) || !chains.ContractMap.TryGetValue(data.ContractId, out var contract))
        {
            return [Irregular.At(tx, "data.contractId", $"expected a contract.registered or contract.joined for {data.ContractId} earlier on {tx.Chain}; found none")];
        }

        if (!TypedId.TryParse<JobId>(tx.Subject, out var jobId) || chains.JobMap.ContainsKey(jobId))
        {
            return [Irregular.At(tx, "subject", $"expected the id of a job not raised before; found {tx.Subject}")];
        }

        var request = new JobRequest(jobId, TypedId.Parse<AssociationId>(tx.Chain), data.ContractId, data.ItemCode, data.Quantity, data.Priority, data.PropertyRef, tx.OccurredAt);
        var raised = JobLifecycle.Raise(request, contract.Terms, tx.RecordedAt);
        if (!raised.IsValid)
        {
            return Irregular.Each(tx, raised.Errors.Select(error => error with { Field = "data." + error.Field }));
        }

        // The job is replayed with the deadline the terms give; one recorded otherwise is named, since it decides lateness.
        chains.Add(new AuditedJob(raised.Value, tx.RecordedAt));
        return Irregular.Each(tx, data.Disagreements(raised.Value, contract));
    }

    public static List<AuditFinding.Irregularity> Apply(LedgerTransaction tx, ChainsUnderAudit chains)
    {
        if (!TypedId.TryParse<JobId>(tx.Subject, out var jobId) || !chains.JobMap.TryGetValue(jobId, out var job) || job.Chain.Value != tx.Chain)
        {
            return [Irregular.At(tx, "subject", $"expected a job raised earlier on {tx.Chain}; found {tx.Subject}")];
        }

        switch (JobLifecycle.Apply(job.Current, tx.Type, tx.OccurredAt, tx.RecordedAt))
        {
            case JobEventOutcome.Applied applied:
                job.Moved(applied.Next, tx.RecordedAt);
                break;
            case JobEventOutcome.Refused refused:
                return [Irregular.At(tx, refused.Invalid.Field, refused.Invalid.Message)];
            case JobEventOutcome.Conflicting conflicting:
                return [Irregular.At(tx, "type", conflicting.Conflict)];
        }

        if (tx.Type == JobEventTypes.Settled)
        {
            // FromLedgerData checks the batch id is an id; without one, the run that paid the job is unknown.
            var data = tx.Data;
            var price = PriceBreakdown.FromLedgerData(data);
            var batchId = data[PriceBreakdown.BatchIdMember] is JsonValue batch && batch.TryGetValue<string>(out var named) ? named : null;
            chains.SettlementList.Add(new RecordedSettlement(job.Chain, tx.EventId, jobId, tx.RecordedAt, price, batchId));
        }

        return [];
    }

}
