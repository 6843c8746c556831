using HousingLedger.Jobs;
using HousingLedger.Settlement;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// A job as the exports record it: the settlement view (<see cref="JobSummary"/>) it had after each of its events,
/// with the time the service recorded that event, so a run can be replayed as it saw the job. A handful of small
/// records per job, whatever else the chain holds.
/// </summary>
public sealed class AuditedJob
{
    private readonly List<(DateTimeOffset RecordedAt, JobSummary View)> views = [];

    internal AuditedJob(Job raised, DateTimeOffset recordedAt)
    {
        Current = raised;
        views.Add((recordedAt, JobSummary.Of(raised, settledOnLedger: false)));
    }

    public JobId JobId => Current.JobId;

    /// <summary>The association that raised it: its chain.</summary>
    public AssociationId Chain => Current.AssociationId;

    public ContractId ContractId => Current.ContractId;

    /// <summary>The job as its last event left it; events are applied to it while the exports are read.</summary>
    internal Job Current { get; private set; }

    /// <summary>
    /// The job as storage held it just before <paramref name="instant"/>: after every event recorded before then
    /// (events of one job are recorded in chain order); null when it was not yet raised.
    /// </summary>
    public JobSummary? AsRecordedBefore(DateTimeOffset instant)
    {
        JobSummary? view = null;
        foreach (var (recordedAt, summary) in views)
        {
            if (recordedAt >= instant)
            {
                break;
            }

            view = summary;
        }

        return view;
    }

    internal void Moved(Job next, DateTimeOffset recordedAt)
    {
        Current = next;
        views.Add((recordedAt, JobSummary.Of(next, settledOnLedger: false)));
    }
}
