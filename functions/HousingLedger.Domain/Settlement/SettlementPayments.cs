using HousingLedger.Payments;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>Groups a run's settled jobs into what each association pays each supplier (SPEC §7). Thread-safe.</summary>
public static class SettlementPayments
{
    /// <summary>
    /// One <see cref="AssociationPayments"/> per association that settled anything, ordered by association id;
    /// inside, one <see cref="SupplierRemittance"/> per supplier ordered by supplier id, and lines ordered by job id,
    /// so the same run always groups the same way. Reads <paramref name="settled"/> once and keeps only the
    /// remittance lines, so it can take the engine's stream as it comes.
    /// </summary>
    /// <exception cref="ArgumentException">A job appears twice: it would be paid twice.</exception>
    public static IReadOnlyList<AssociationPayments> Group(IEnumerable<SettledJob> settled)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var seen = new HashSet<JobId>();
        var associations = new Dictionary<AssociationId, AssociationTally>();
        foreach (var job in settled)
        {
            if (!seen.Add(job.Job.JobId))
            {
                throw new ArgumentException($"Job {job.Job.JobId} appears twice among the settled jobs; a job is paid once.", nameof(settled));
            }

            if (!associations.TryGetValue(job.Job.AssociationId, out var tally))
            {
                associations[job.Job.AssociationId] = tally = new AssociationTally();
            }

            tally.Add(job);
        }

        return [.. associations.OrderBy(pair => pair.Key.Value, StringComparer.Ordinal).Select(pair => pair.Value.ToPayments(pair.Key))];
    }

    // One association's lines by supplier, and its fees, as they arrive.
    private sealed class AssociationTally
    {
        private readonly Dictionary<SupplierId, List<RemittanceLine>> linesBySupplier = [];
        private Money fees;

        public void Add(SettledJob job)
        {
            if (!linesBySupplier.TryGetValue(job.Job.SupplierId, out var lines))
            {
                linesBySupplier[job.Job.SupplierId] = lines = [];
            }

            lines.Add(job.ToRemittanceLine());
            fees += job.Price.Fee;
        }

        public AssociationPayments ToPayments(AssociationId associationId) => new(
            associationId,
            [.. linesBySupplier
                .OrderBy(pair => pair.Key.Value, StringComparer.Ordinal)
                .Select(pair => new SupplierRemittance(pair.Key, [.. pair.Value.OrderBy(line => line.JobId, StringComparer.Ordinal)]))],
            fees);
    }
}
