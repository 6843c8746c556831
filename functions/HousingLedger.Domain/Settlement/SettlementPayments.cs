using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>Groups a run's settled jobs into what each association pays each supplier (SPEC §7). Thread-safe.</summary>
public static class SettlementPayments
{
    /// <summary>
    /// One <see cref="AssociationPayments"/> per association that settled anything, ordered by association id;
    /// inside, one <see cref="SupplierRemittance"/> per supplier ordered by supplier id, and lines ordered by job id,
    /// so the same run always groups the same way.
    /// </summary>
    /// <exception cref="ArgumentException">A job appears twice: it would be paid twice.</exception>
    public static IReadOnlyList<AssociationPayments> Group(IEnumerable<SettledJob> settled)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var jobs = settled.ToList();
        var repeated = jobs.GroupBy(job => job.Job.JobId, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Job {repeated.Key} appears {repeated.Count()} times among the settled jobs; a job is paid once.", nameof(settled));
        }

        return [.. jobs
            .GroupBy(job => job.Job.AssociationId, StringComparer.Ordinal)
            .OrderBy(association => association.Key, StringComparer.Ordinal)
            .Select(association => new AssociationPayments(
                association.Key,
                [.. association
                    .GroupBy(job => job.Job.SupplierId, StringComparer.Ordinal)
                    .OrderBy(supplier => supplier.Key, StringComparer.Ordinal)
                    .Select(supplier => new SupplierRemittance(
                        supplier.Key,
                        [.. supplier.OrderBy(job => job.Job.JobId, StringComparer.Ordinal).Select(job => job.ToRemittanceLine())]))],
                Money.Sum(association.Select(job => job.Price.Fee))))];
    }
}
