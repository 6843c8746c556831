using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// When each run counted each contract's lateness. A run counts it once per contract, before it settles the
/// contract's first job, and prices every holder's jobs with that one figure; so the jobs it counted are those
/// recorded before its first <c>job.settled</c> of the contract, on whichever holder's chain.
/// </summary>
internal static class LatenessCounts
{
    public static IReadOnlyDictionary<(string RunId, ContractId ContractId), DateTimeOffset> FirstSettledPerRunAndContract(ChainsUnderAudit chains)
    {
        var first = new Dictionary<(string RunId, ContractId ContractId), DateTimeOffset>();
        foreach (var settled in chains.Settlements)
        {
            if (settled.BatchId is { } batchId && chains.Batches.TryGetValue(batchId, out var batch))
            {
                var key = (batch.RunId, chains.Jobs[settled.JobId].ContractId);
                first[key] = first.TryGetValue(key, out var earlier) && earlier < settled.RecordedAt ? earlier : settled.RecordedAt;
            }
        }

        return first;
    }
}
