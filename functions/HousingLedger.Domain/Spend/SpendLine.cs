using HousingLedger.Fees;
using HousingLedger.Values;

namespace HousingLedger.Spend;

/// <summary>
/// The sum of the settled jobs that share a group: its month, supplier and contract, each null when the grouping
/// does not part by it. Immutable.
/// </summary>
public sealed record SpendLine(
    StatementMonth? Month, SupplierId? SupplierId, ContractId? ContractId, int Jobs, Money ListPrice, Money Discounted, Money Penalised, Money Net, Money Vat)
{
    public Money Paid => Net + Vat;

    /// <summary>
    /// The lines of <paramref name="jobs"/> grouped by <paramref name="grouping"/>, ordered by month, supplier and
    /// contract; and their total, every group part null.
    /// </summary>
    public static (IReadOnlyList<SpendLine> Lines, SpendLine Total) Group(IEnumerable<JobSpend> jobs, SpendGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var all = jobs.ToList();
        var lines = all
            .GroupBy(job => (
                Month: grouping is SpendGrouping.All or SpendGrouping.Month ? job.Month : (StatementMonth?)null,
                SupplierId: grouping is SpendGrouping.All or SpendGrouping.Supplier or SpendGrouping.Contract ? job.SupplierId : (SupplierId?)null,
                ContractId: grouping is SpendGrouping.All or SpendGrouping.Contract ? job.ContractId : (ContractId?)null))
            .Select(group => Sum(group.Key.Month, group.Key.SupplierId, group.Key.ContractId, [.. group]))
            .OrderBy(line => line.Month?.Start)
            .ThenBy(line => line.SupplierId?.Value, StringComparer.Ordinal)
            .ThenBy(line => line.ContractId?.Value, StringComparer.Ordinal)
            .ToList();
        return (lines, Sum(null, null, null, all));
    }

    private static SpendLine Sum(StatementMonth? month, SupplierId? supplierId, ContractId? contractId, List<JobSpend> jobs) => new(
        month, supplierId, contractId, jobs.Count,
        Money.Sum(jobs.Select(j => j.ListPrice)), Money.Sum(jobs.Select(j => j.Discounted)), Money.Sum(jobs.Select(j => j.Penalised)),
        Money.Sum(jobs.Select(j => j.Net)), Money.Sum(jobs.Select(j => j.Vat)));
}
