namespace HousingLedger.Jobs;

/// <summary>Who may send a job event into the service (SPEC §5).</summary>
public enum JobEventSender
{
    /// <summary>The supplier's system, by Standard Webhooks-signed <c>POST /api/webhooks/suppliers/{supplierId}</c>.</summary>
    Supplier,

    /// <summary>Association staff, by <c>POST /api/jobs/{jobId}/approval</c>.</summary>
    Association,

    /// <summary>
    /// The service itself: it writes <c>job.raised</c> when an association calls <c>POST /api/jobs</c>, and
    /// <c>job.settled</c> when settlement pays. No one sends these through an event channel.
    /// </summary>
    Service,
}
