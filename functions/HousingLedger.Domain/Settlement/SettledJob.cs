using HousingLedger.Payments;

namespace HousingLedger.Settlement;

/// <summary>A job a settlement run pays for, and how its price was reached. Immutable and thread-safe.</summary>
/// <param name="Job">The job as settlement saw it.</param>
/// <param name="Price">Its price, as its <c>job.settled</c> transaction records it.</param>
public sealed record SettledJob(JobSummary Job, PriceBreakdown Price)
{
    /// <summary>The job's line in its supplier's credit transfer (SPEC §7).</summary>
    public RemittanceLine ToRemittanceLine() =>
        new(Job.JobId.Value, Job.ContractId.Value, Job.ItemCode, Job.Quantity, Price.Gross, Price.DiscountRate, Price.PenaltyRate, Price.Net, Price.Vat);
}
