using HousingLedger.Contracts;

namespace HousingLedger.Settlement;

/// <summary>The checks on what a caller hands settlement; a failure is a bug in the caller, so it throws.</summary>
internal static class SettlementChecks
{
    public static void RequireOfContract(JobSummary job, string contractId, ContractTerms terms, string parameter)
    {
        ArgumentNullException.ThrowIfNull(job, parameter);
        if (!string.Equals(job.ContractId, contractId, StringComparison.Ordinal)
            || !string.Equals(job.SupplierId, terms.SupplierId, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Job {job.JobId} is under contract {job.ContractId} with supplier {job.SupplierId}; expected contract {contractId} with supplier {terms.SupplierId}.",
                parameter);
        }
    }
}
