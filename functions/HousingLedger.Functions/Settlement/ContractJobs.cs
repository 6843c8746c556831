using System.Runtime.CompilerServices;
using HousingLedger.Contracts;
using HousingLedger.Infrastructure.State;
using HousingLedger.Settlement;
using HousingLedger.Values;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// The contracts an association holds, owned or joined, and their jobs as settlement reads them: from the
/// <see cref="ContractJobIndex"/> rows of every association that holds the contract, since volume discounts and
/// lateness are counted across all of them (SPEC §6.3, §6.4). Everything is streamed a page at a time. A
/// contract's members are listed on its owner's row, so a member's copy leads to the owner's. A supplier's
/// lateness under a contract is counted once per instance and as-of time, so make one per run: every association
/// that holds the contract is then settled with the same figure, read once.
/// </summary>
public sealed class ContractJobs(ContractStore contracts, ContractJobIndex index)
{
    private readonly Dictionary<(ContractId ContractId, DateTimeOffset AsOf), SupplierLateness> lateness = [];

    public async Task<IReadOnlyList<ContractInScope>> HeldByAsync(AssociationId associationId, CancellationToken cancellationToken)
    {
        var held = new List<ContractInScope>();
        await foreach (var contract in contracts.ListAsync(associationId, cancellationToken))
        {
            var owners = contract.OwnerId == associationId ? contract : (await contracts.GetAsync(contract.OwnerId, contract.ContractId, cancellationToken))?.Contract;
            held.Add(new ContractInScope(contract.ContractId, contract.ParseTerms(), (owners ?? contract).Holders));
        }

        return held;
    }

    /// <summary>When the earliest job of <paramref name="associationId"/> under the contract that is approved, unsettled and approved by <paramref name="asOf"/> was approved; null when there is none.</summary>
    public Task<DateTimeOffset?> FirstPayableApprovalAsync(AssociationId associationId, ContractInScope contract, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        index.FirstPayableApprovalAsync(associationId, contract.ContractId, asOf, cancellationToken);

    /// <summary>
    /// Every job of the contract approved in [<paramref name="from"/>, <paramref name="asOf"/>], settled or not,
    /// of every holder, in (approval time, jobId) order: each holder's rows come in that order, and are merged.
    /// </summary>
    public IAsyncEnumerable<JobSummary> ApprovedAsync(ContractInScope contract, DateTimeOffset from, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        OrderedMerge.MergeAsync(
            contract.Holders.Select(holder => index.ApprovedAsync(holder, contract.ContractId, from, asOf, cancellationToken)),
            ContractSettlement.ApprovalOrder);

    /// <summary>The contract's supplier's lateness at <paramref name="asOf"/>, over the jobs of every holder due in the window.</summary>
    public async Task<SupplierLateness> LatenessAsync(ContractInScope contract, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!lateness.TryGetValue((contract.ContractId, asOf), out var counted))
        {
            var tally = new LatenessTally(contract.ContractId, contract.Terms, asOf);
            await foreach (var job in DueAsync(contract, tally.WindowStart, asOf, cancellationToken))
            {
                tally.Add(job);
            }

            lateness[(contract.ContractId, asOf)] = counted = tally.Lateness;
        }

        return counted;
    }

    // Every job of the contract, of every holder, due in (after, through], in no particular order.
    private async IAsyncEnumerable<JobSummary> DueAsync(
        ContractInScope contract, DateTimeOffset after, DateTimeOffset through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var holder in contract.Holders)
        {
            await foreach (var job in index.DueAsync(holder, contract.ContractId, after, through, cancellationToken))
            {
                yield return job;
            }
        }
    }
}

/// <summary>A contract, its terms, and every association that holds it (its owner first, then its members).</summary>
public sealed record ContractInScope(ContractId ContractId, ContractTerms Terms, IReadOnlyList<AssociationId> Holders);
