using HousingLedger.Settlement;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// Re-derives every figure of every <c>job.settled</c> but its fee (SPEC §6.2–6.5; the fee is
/// <see cref="FeeCheck"/>'s). With every holder's export of the contract given and the run's <c>batch.created</c>
/// found, the counts are derived again from the jobs, as the run saw them (<see cref="RunReplay"/>). Otherwise the
/// pooled counts cannot be: that is said once per contract, or per job when its batch is missing, and the rest is
/// re-derived from the counts recorded (<see cref="SettlementAudit.Reprice"/>). Thread-safe.
/// </summary>
public sealed class SettlementPriceCheck : IAuditCheck
{
    public IEnumerable<AuditFinding> Check(ChainsUnderAudit chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        var latenessCountedBefore = LatenessCounts.FirstSettledPerRunAndContract(chains);
        var findings = new List<AuditFinding>(UnpooledContracts(chains));
        foreach (var settled in chains.Settlements)
        {
            findings.AddRange(Check(chains, settled, latenessCountedBefore));
        }

        return findings;
    }

    private static IEnumerable<AuditFinding> Check(
        ChainsUnderAudit chains, RecordedSettlement settled, IReadOnlyDictionary<(string RunId, ContractId ContractId), DateTimeOffset> latenessCountedBefore)
    {
        if (!settled.Price.IsValid)
        {
            return Irregularities(settled, settled.Price.Errors);
        }

        var job = chains.Jobs[settled.JobId];
        var contract = chains.Contracts[job.ContractId];
        if (settled.BatchId is not { } batchId || !chains.Batches.TryGetValue(batchId, out var batch))
        {
            return [
                new AuditFinding.CannotCheck(
                    $"job {settled.JobId} on {settled.Chain}",
                    $"its batch {settled.BatchId ?? "(none named)"} has no batch.created in the exports given, so the run's as-of time is unknown: cumulativeUnits, lateJobs and jobsInScope are not re-derived; the other figures are, from the counts recorded"),
                .. FromRecordedCounts(settled, job, contract),
            ];
        }

        if (!IsPooledGiven(chains, contract))
        {
            return FromRecordedCounts(settled, job, contract);
        }

        var again = RunReplay.Price(chains, contract, settled, batch, latenessCountedBefore[(batch.RunId, contract.ContractId)]);
        return again.IsValid
            ? Differences(settled, settled.Price.Value.FiguresDifferingFrom(again.Value))
            : again.Errors.Select(error => new AuditFinding.Difference(settled.Chain, settled.JobId, error.Field, $"settled in batch {batchId}", error.Message));
    }

    private static IEnumerable<AuditFinding> FromRecordedCounts(RecordedSettlement settled, AuditedJob job, AuditedContract contract)
    {
        var again = SettlementAudit.Reprice(settled.Price.Value, contract.Terms, job.Current.ItemCode, job.Current.Quantity);
        return again.IsValid
            ? Differences(settled, settled.Price.Value.FiguresDifferingFrom(again.Value))
            : Irregularities(settled, again.Errors);
    }

    private static IEnumerable<AuditFinding> Irregularities(RecordedSettlement settled, IEnumerable<FieldError> errors) =>
        errors.Select(error => new AuditFinding.Irregularity(settled.Chain.Value, settled.EventId, "data." + error.Field, error.Message));

    private static IEnumerable<AuditFinding> Differences(RecordedSettlement settled, IEnumerable<FigureDifference> differences) =>
        differences.Select(difference => new AuditFinding.Difference(settled.Chain, settled.JobId, difference.Figure, difference.Recorded, difference.Rederived));

    private static IEnumerable<AuditFinding> UnpooledContracts(ChainsUnderAudit chains) =>
        chains.Settlements
            .GroupBy(settled => chains.Jobs[settled.JobId].ContractId)
            .Select(group => (Contract: chains.Contracts[group.Key], Settled: group.Count()))
            .Where(pair => !IsPooledGiven(chains, pair.Contract))
            .Select(pair => new AuditFinding.CannotCheck(
                $"contract {pair.Contract.ContractId}",
                $"held by {string.Join(", ", MissingHolders(chains, pair.Contract))}, whose export was not given: cumulativeUnits, lateJobs and jobsInScope of its {pair.Settled} settled jobs are not re-derived; the other figures are, from the counts recorded"));

    private static bool IsPooledGiven(ChainsUnderAudit chains, AuditedContract contract) => !MissingHolders(chains, contract).Any();

    private static IEnumerable<string> MissingHolders(ChainsUnderAudit chains, AuditedContract contract) =>
        contract.Holders.Select(holder => holder.Value).Where(holder => !chains.ChainsGiven.Contains(holder)).Order(StringComparer.Ordinal);
}
