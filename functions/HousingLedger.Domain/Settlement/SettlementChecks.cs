using HousingLedger.Contracts;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>The checks on what a caller hands settlement; a failure is a bug in the caller, so it throws.</summary>
internal static class SettlementChecks
{
    public static void RequireOfContract(JobSummary job, ContractId contractId, ContractTerms terms, string parameter)
    {
        ArgumentNullException.ThrowIfNull(job, parameter);
        if (job.ContractId != contractId || job.SupplierId != terms.SupplierId)
        {
            throw new ArgumentException(
                $"Job {job.JobId} is under contract {job.ContractId} with supplier {job.SupplierId}; expected contract {contractId} with supplier {terms.SupplierId}.",
                parameter);
        }
    }
}
