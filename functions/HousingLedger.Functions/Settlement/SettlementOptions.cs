using System.ComponentModel.DataAnnotations;

namespace HousingLedger.Functions.Settlement;

/// <summary>How settlement runs (<c>Settlement:*</c>); its schedule is the timer's (<see cref="SettlementFunction.ScheduleSetting"/>).</summary>
public sealed class SettlementOptions
{
    /// <summary>
    /// The operator's fee per settled job, in pence (<c>Settlement:FeePerJobPence</c>): recorded on each
    /// <c>job.settled</c> and charged to the association, never deducted from the supplier's payment.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long FeePerJobPence { get; set; }
}
