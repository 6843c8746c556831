using System.Runtime.CompilerServices;
using HousingLedger.Contracts;
using HousingLedger.Functions.Api;
using HousingLedger.Functions.Jobs;
using HousingLedger.Infrastructure.State;
using HousingLedger.Settlement;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// The contracts an association holds, owned or joined, and their jobs as settlement reads them: from the
/// <see cref="ContractJobIndex"/> rows of every association that holds the contract, since volume discounts and
/// lateness are counted across all of them (SPEC §6.3, §6.4). Everything is streamed a page at a time. A
/// contract's members are listed on its owner's row, so a member's copy leads to the owner's. A supplier's
/// lateness under a contract is counted once per instance and as-of time, so make one per run: every association
/// that holds the contract is then settled with the same figure, read once.
/// </summary>
public sealed class ContractJobs(StateStore state)
{
    private readonly Dictionary<(string ContractId, DateTimeOffset AsOf), SupplierLateness> lateness = [];

    public async Task<IReadOnlyList<ContractInScope>> HeldByAsync(string associationId, CancellationToken cancellationToken)
    {
        var contracts = new List<ContractInScope>();
        await foreach (var (_, row) in state.ListAsync(associationId, Chains.ContractRows, cancellationToken))
        {
            var contractId = (string)row.Document["contractId"]!;
            var ownerId = (string?)row.Document["ownerId"] ?? associationId;
            var ownerRow = ownerId == associationId ? row : await state.GetAsync(ownerId, Chains.ContractRow(contractId), cancellationToken);
            var members = ownerRow?.Document["members"]?.AsArray().Select(member => (string)member!) ?? [];
            var holders = members.Prepend(ownerId).Distinct(StringComparer.Ordinal).ToList();
            contracts.Add(new ContractInScope(contractId, ContractTerms.FromCanonicalJson(row.Document["terms"]!.AsObject()), holders));
        }

        return contracts;
    }

    /// <summary>When the earliest job of <paramref name="associationId"/> under the contract that is approved, unsettled and approved by <paramref name="asOf"/> was approved; null when there is none.</summary>
    public async Task<DateTimeOffset?> FirstPayableApprovalAsync(
        string associationId, ContractInScope contract, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var prefix = Chains.ContractJobsPayable(contract.ContractId);
        var first = await state.FirstAsync(associationId, prefix, ContractJobIndex.Through(prefix, asOf), cancellationToken);
        return first is null ? null : ContractJobIndex.Read(first).ApprovedAt;
    }

    /// <summary>
    /// Every job of the contract approved in [<paramref name="from"/>, <paramref name="asOf"/>], settled or not,
    /// of every holder, in (approval time, jobId) order: each holder's rows come in that order, and are merged.
    /// </summary>
    public IAsyncEnumerable<JobSummary> ApprovedAsync(ContractInScope contract, DateTimeOffset from, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var prefix = Chains.ContractJobsByApproval(contract.ContractId);
        return OrderedMerge.MergeAsync(
            contract.Holders.Select(holder => ReadAsync(holder, ContractJobIndex.From(prefix, from), ContractJobIndex.Through(prefix, asOf), cancellationToken)),
            ContractSettlement.ApprovalOrder);
    }

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
        var prefix = Chains.ContractJobsByDeadline(contract.ContractId);
        foreach (var holder in contract.Holders)
        {
            await foreach (var job in ReadAsync(holder, ContractJobIndex.Through(prefix, after), ContractJobIndex.Through(prefix, through), cancellationToken))
            {
                yield return job;
            }
        }
    }

    private async IAsyncEnumerable<JobSummary> ReadAsync(
        string associationId, string fromKey, string toKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, row) in state.ListAsync(associationId, fromKey, toKey, cancellationToken))
        {
            yield return ContractJobIndex.Read(row);
        }
    }
}

/// <summary>A contract, its terms, and every association that holds it (its owner first, then its members).</summary>
public sealed record ContractInScope(string ContractId, ContractTerms Terms, IReadOnlyList<string> Holders);
