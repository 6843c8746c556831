using HousingLedger.Contracts;
using HousingLedger.Functions.Api;
using HousingLedger.Functions.Jobs;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// The contracts an association holds, owned or joined, each with every job raised under it by its owner and by
/// every member: volume discounts and lateness are counted across all of them (SPEC §6.3, §6.4). A contract's
/// members are listed on its owner's row, so a member's copy leads to the owner's. Each partition's jobs are read
/// once per instance; make one per run.
/// </summary>
public sealed class ContractJobs(StateStore state)
{
    private readonly Dictionary<string, IReadOnlyList<Job>> jobsByAssociation = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ContractInScope>> HeldByAsync(string associationId, CancellationToken cancellationToken)
    {
        var contracts = new List<ContractInScope>();
        await foreach (var (_, row) in state.ListAsync(associationId, Chains.ContractRows, cancellationToken))
        {
            var contractId = (string)row.Document["contractId"]!;
            var ownerId = (string?)row.Document["ownerId"] ?? associationId;
            var ownerRow = ownerId == associationId ? row : await state.GetAsync(ownerId, Chains.ContractRow(contractId), cancellationToken);
            var members = ownerRow?.Document["members"]?.AsArray().Select(member => (string)member!) ?? [];
            var jobs = new List<Job>();
            foreach (var holder in members.Prepend(ownerId).Distinct(StringComparer.Ordinal))
            {
                jobs.AddRange((await JobsOfAsync(holder, cancellationToken)).Where(job => job.ContractId == contractId));
            }

            contracts.Add(new ContractInScope(contractId, ContractTerms.FromCanonicalJson(row.Document["terms"]!.AsObject()), jobs));
        }

        return contracts;
    }

    private async Task<IReadOnlyList<Job>> JobsOfAsync(string associationId, CancellationToken cancellationToken)
    {
        if (!jobsByAssociation.TryGetValue(associationId, out var jobs))
        {
            var read = new List<Job>();
            await foreach (var (_, row) in state.ListAsync(associationId, Chains.JobRows, cancellationToken))
            {
                read.Add(JobRecord.FromDocument(row.Document).Job);
            }

            jobsByAssociation[associationId] = jobs = read;
        }

        return jobs;
    }
}

/// <summary>A contract, its terms, and every job raised under it by any association that holds it.</summary>
public sealed record ContractInScope(string ContractId, ContractTerms Terms, IReadOnlyList<Job> Jobs);
