using HousingLedger.Infrastructure.Directories;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Functions.Jobs;

/// <summary>
/// Records the job events a supplier's system reports (SPEC §5): only on the supplier's own jobs, with a
/// completion's notes kept off the ledger behind their commitment.
/// </summary>
public sealed class SupplierEvents(DirectoryStore directory, JobEvents jobEvents)
{
    public async Task<JobEventResult> RecordAsync(SupplierEvent report, CancellationToken cancellationToken)
    {
        var owner = await directory.FindJobAsync(report.JobId, cancellationToken);
        if (owner is null || owner.SupplierId != report.SupplierId)
        {
            return new JobEventResult.NotFound();
        }

        var notes = report.Evidence?.Notes is { } text ? OffLedgerText.Keep(text) : null;
        var data = report.Evidence?.ToLedgerData(notes?.Commitment) ?? [];
        var command = new JobEventCommand(owner.AssociationId, report.JobId, report.Type, report.WebhookId, report.OccurredAt, "supplier:" + report.SupplierId.Value, data)
        {
            KeptText = notes,
        };
        return await jobEvents.RecordAsync(command, cancellationToken);
    }
}

/// <summary>A job event as a supplier reported it, its data read (<see cref="SupplierEventData"/>).</summary>
/// <param name="WebhookId">The webhook's id, which becomes the event's id, so a redelivery is a duplicate.</param>
public sealed record SupplierEvent(SupplierId SupplierId, JobId JobId, string Type, EventId WebhookId, DateTimeOffset? OccurredAt, CompletionEvidence? Evidence);
