using HousingLedger.Fees;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;
using HousingLedger.Performance;
using HousingLedger.Settlement;
using HousingLedger.Spend;
using HousingLedger.Values;

namespace HousingLedger.Functions.Performance;

/// <summary>
/// How a supplier has kept to its deadlines for one association over the rolling 12 months, contract by contract:
/// read from the contract's deadline rows in the association's partition (<see cref="ContractJobIndex"/>), only those
/// due in the window, and the spend rows of the window's months (<see cref="SpendIndex"/>), so the cost follows the
/// jobs of the last year, never the association's whole history.
/// </summary>
public sealed class SupplierPerformance(ContractStore contracts, ContractJobIndex index, SpendIndex spend, TimeProvider time)
{
    /// <summary>
    /// The record of <paramref name="supplierId"/> under each contract with it that the association holds, owned or
    /// joined (only <paramref name="contractId"/> when given); null when it holds none, so the supplier is as unknown.
    /// </summary>
    public async Task<PerformanceReport?> ReadAsync(AssociationId associationId, SupplierId supplierId, ContractId? contractId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var first = Punctuality.WindowStart(now);
        var held = new List<(ContractId ContractId, Rate Threshold, List<JobSummary> Due)>();
        await foreach (var contract in contracts.ListAsync(associationId, cancellationToken))
        {
            var terms = contract.ParseTerms();
            if (terms.SupplierId != supplierId || (contractId is { } only && contract.ContractId != only))
            {
                continue;
            }

            var due = new List<JobSummary>();
            await foreach (var job in index.DueAsync(associationId, contract.ContractId, first.Start.AddTicks(-1), StatementMonth.Of(now).End, cancellationToken))
            {
                due.Add(job);
            }

            held.Add((contract.ContractId, terms.LatePenalty.Threshold, due));
        }

        if (held.Count == 0)
        {
            return null;
        }

        var spent = new List<JobSpend>();
        await foreach (var job in spend.ListAsync(associationId, first, StatementMonth.Of(now), cancellationToken))
        {
            if (job.SupplierId == supplierId)
            {
                spent.Add(job);
            }
        }

        return new PerformanceReport(supplierId, now, [.. held.Select(contract => new ContractPerformance(
            contract.ContractId, contract.Threshold, Punctuality.ByMonth(contract.Due, now),
            [.. contract.Due.Where(job => JobAttention.IsOverdue(job.State, job.Deadline, now)).OrderBy(job => job.Deadline)],
            SpendLine.Group(spent.Where(job => job.ContractId == contract.ContractId), SpendGrouping.Month).Lines))]);
    }
}

/// <summary>A supplier's record for one association at <paramref name="AsOf"/>, a contract at a time.</summary>
public sealed record PerformanceReport(SupplierId SupplierId, DateTimeOffset AsOf, IReadOnlyList<ContractPerformance> Contracts);

/// <summary>
/// A supplier's record under one contract: month by month, and the jobs still owed after their deadline (those due in
/// the window), against the contract's late-penalty <paramref name="LatePenaltyThreshold"/>; and what the association
/// paid under it, by month of settlement (months with nothing settled are left out).
/// </summary>
public sealed record ContractPerformance(
    ContractId ContractId, Rate LatePenaltyThreshold, IReadOnlyList<MonthPunctuality> Months, IReadOnlyList<JobSummary> OpenAndLate, IReadOnlyList<SpendLine> SpendByMonth);
