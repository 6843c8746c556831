using System.Text.Json.Nodes;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Jobs in the state partition of the association that raised them: <c>job|{jobId}</c> holds the
/// <see cref="JobRecord"/>, <c>workorder|{jobId}</c> how delivery of its work order stands, and
/// <c>freetext|{eventId}</c> the free text an event committed to off the ledger, and <c>erased|{eventId}</c> in
/// its place once it is erased. A job's row is always written with
/// its <see cref="ContractJobIndex"/> rows and its <see cref="JobListIndex"/> row, in the transaction that accepts the event, so the two never disagree.
/// </summary>
public sealed class JobStore(StateStore state)
{
    public async Task<StoredJob?> GetAsync(AssociationId associationId, JobId jobId, CancellationToken cancellationToken = default) =>
        await state.GetAsync(associationId.Value, JobKey(jobId), cancellationToken) is { } row
            ? new StoredJob(JobRecord.FromDocument(row.Document), row.Version)
            : null;

    /// <summary>The rows that record a job being raised: the job, which must not exist yet, and its index rows.</summary>
    public static IEnumerable<StateChange> Raised(JobRecord record) =>
        [StateChange.Create(JobKey(record.Job.JobId), record.ToDocument()), .. ContractJobIndex.Changes(null, record.Job), JobListIndex.Change(record.Job)];

    /// <summary>The rows that move <paramref name="stored"/> on to <paramref name="next"/>, against the version read.</summary>
    public static IEnumerable<StateChange> Moved(StoredJob stored, JobRecord next) =>
        [
            StateChange.Replace(JobKey(next.Job.JobId), next.ToDocument(), stored.Version),
            .. ContractJobIndex.Changes(stored.Record.Job, next.Job),
            JobListIndex.Change(next.Job),
        ];

    /// <summary>The row that keeps free text an event committed to, so it can be erased without touching the ledger.</summary>
    public static StateChange FreeText(EventId eventId, JsonObject text) => StateChange.Create(FreeTextKey(eventId), text);

    /// <summary>The free text an event committed to (its text, salt and commitment); null when there is none, or no longer.</summary>
    public async Task<JsonObject?> GetFreeTextAsync(AssociationId associationId, EventId eventId, CancellationToken cancellationToken = default) =>
        (await state.GetAsync(associationId.Value, FreeTextKey(eventId), cancellationToken))?.Document;

    /// <summary>How an event's free text was erased; null unless it was.</summary>
    public async Task<JsonObject?> GetErasureAsync(AssociationId associationId, EventId eventId, CancellationToken cancellationToken = default) =>
        (await state.GetAsync(associationId.Value, ErasedKey(eventId), cancellationToken))?.Document;

    /// <summary>The rows that erase an event's free text: its row goes (the transaction fails if it has gone already), and <paramref name="erasure"/> takes its place.</summary>
    public static IEnumerable<StateChange> TextErased(EventId eventId, JsonObject erasure) =>
        [StateChange.Delete(FreeTextKey(eventId)), StateChange.Create(ErasedKey(eventId), erasure)];

    /// <summary>How delivery of the job's work order stands; null before the first attempt.</summary>
    public async Task<JsonObject?> GetWorkOrderAsync(AssociationId associationId, JobId jobId, CancellationToken cancellationToken = default) =>
        (await state.GetAsync(associationId.Value, WorkOrderKey(jobId), cancellationToken))?.Document;

    /// <summary>Records how delivery of the job's work order stands; last writer wins.</summary>
    public Task PutWorkOrderAsync(AssociationId associationId, JobId jobId, JsonObject status, CancellationToken cancellationToken = default) =>
        state.PutAsync(associationId.Value, WorkOrderKey(jobId), status, cancellationToken);

    private static string JobKey(JobId jobId) => "job|" + jobId.Value;

    private static string FreeTextKey(EventId eventId) => "freetext|" + eventId.Value;

    private static string ErasedKey(EventId eventId) => "erased|" + eventId.Value;

    private static string WorkOrderKey(JobId jobId) => "workorder|" + jobId.Value;
}

/// <summary>A job as stored, with the version (ETag) to move it on against.</summary>
public sealed record StoredJob(JobRecord Record, string Version);
