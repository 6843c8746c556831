using System.Diagnostics;
using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Functions.Jobs;

/// <summary>
/// Records the events of a job, its raising included, all on one path: the event must fit the job's lifecycle, and
/// it is accepted together with the job's new state (and free text kept off the ledger) in one transaction, so it
/// is recorded once or not at all. An event id seen before is a duplicate, answered as such; an event that lost a
/// race with another on the same job is decided again on the job's new state.
/// </summary>
public sealed class JobEvents(JobStore jobs, ContractStore contracts, DirectoryStore directory, StateStore state, EventIntake intake, TimeProvider time)
{
    private const int Attempts = 5;

    /// <summary>Raises a job under a contract the association holds, claiming its id across the service.</summary>
    public async Task<JobEventResult> RaiseAsync(JobRaise raise, CancellationToken cancellationToken)
    {
        var held = await contracts.GetAsync(raise.Request.AssociationId, raise.Request.ContractId, cancellationToken);
        if (held is null)
        {
            return new JobEventResult.Refused([new FieldError("contractId", $"no contract '{raise.Request.ContractId}' is registered to or shared with this association")]);
        }

        var now = time.GetUtcNow();
        var raised = JobLifecycle.Raise(raise.Request, held.Contract.ParseTerms(), now);
        if (!raised.IsValid)
        {
            return new JobEventResult.Refused(raised.Errors);
        }

        var job = raised.Value;
        if (!await directory.TryClaimJobAsync(job.JobId, new JobOwner(job.AssociationId, job.SupplierId), cancellationToken))
        {
            return new JobEventResult.Conflict($"Job id '{job.JobId}' is taken by another association's job.");
        }

        var tx = intake.NewTransaction(
            JobEventTypes.Raised, job.AssociationId.Value, raise.EventId, job.RaisedAt, raise.Actor, job.JobId.Value, RaisedData(job, held.Contract.TermsHash), now);
        var eventId = TypedId.Parse<EventId>(tx.EventId);
        var record = new JobRecord(job, [new JobEventEntry(tx.EventId, tx.Type, tx.OccurredAt, tx.RecordedAt, tx.Actor)], tx.RecordedAt);
        return await intake.AcceptAsync(tx, JobStore.Raised(record), cancellationToken) switch
        {
            AcceptOutcome.Accepted => new JobEventResult.Recorded(eventId, job),

            // The same raise again: under its event id, or (when the caller chose the job id) under another.
            AcceptOutcome.DuplicateEvent or AcceptOutcome.AlreadyExists => await EarlierRaiseAsync(job.AssociationId, eventId, job.JobId, cancellationToken),
            _ => new JobEventResult.Conflict("The job changed while it was being raised; send it again."),
        };
    }

    /// <summary>Records an event on a job that exists.</summary>
    public async Task<JobEventResult> RecordAsync(JobEventCommand command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await jobs.GetAsync(command.AssociationId, command.JobId, cancellationToken);
            if (stored is null)
            {
                return await DuplicateOfAsync(command, stored, cancellationToken) ?? new JobEventResult.NotFound();
            }

            var (prepared, outcome) = Prepare(command, stored);
            if (prepared is null)
            {
                // A retry of an event already recorded usually no longer fits the job it moved on: it is a duplicate.
                return await DuplicateOfAsync(command, stored, cancellationToken) ?? outcome switch
                {
                    JobEventOutcome.Refused refused => new JobEventResult.Refused([refused.Invalid]),
                    JobEventOutcome.Conflicting conflicting => new JobEventResult.Conflict(conflicting.Conflict),
                    _ => throw new UnreachableException(),
                };
            }

            switch (await intake.AcceptAsync(prepared.Acceptance.Transaction, prepared.Acceptance.Changes, cancellationToken, command.WakeAppender))
            {
                case AcceptOutcome.Accepted:
                    return prepared.Recorded;
                case AcceptOutcome.DuplicateEvent:
                    return new JobEventResult.Duplicate(prepared.Recorded.EventId, stored.Record.Job);
                default:
                    continue; // the job moved on meanwhile: decide again on its new state
            }
        }

        return new JobEventResult.Conflict("The job changed repeatedly while this event was being recorded; send it again.");
    }

    /// <summary>
    /// Records events on jobs of one association in as few transactions as they fit, with <paramref name="shared"/>
    /// rows written once with them (settlement's run row): every event that fits its job as read goes in one
    /// transaction. One that does not fit, or whose rows the transaction refuses, is left for the caller to record
    /// alone with <see cref="RecordAsync"/>, which gives it its own answer; the rest go again without it. Nothing
    /// is written when a shared row is refused. The caller wakes the appender. At most 100 rows in all.
    /// </summary>
    public async Task<RecordedTogether> RecordTogetherAsync(
        AssociationId associationId, IReadOnlyList<JobEventCommand> commands, IReadOnlyList<StateChange> shared, CancellationToken cancellationToken)
    {
        var stored = await Task.WhenAll(commands.Select(command => command.AssociationId == associationId
            ? jobs.GetAsync(associationId, command.JobId, cancellationToken)
            : throw new ArgumentException($"Job {command.JobId} is not of association {associationId}.", nameof(commands))));
        var together = new List<(JobEventCommand Command, PreparedEvent Prepared)>();
        var left = new List<JobEventCommand>();
        for (var i = 0; i < commands.Count; i++)
        {
            if (stored[i] is { } job && Prepare(commands[i], job).Prepared is { } prepared)
            {
                together.Add((commands[i], prepared));
            }
            else
            {
                left.Add(commands[i]);
            }
        }

        while (together.Count > 0)
        {
            var refused = await intake.AcceptTogetherAsync(associationId.Value, [.. together.Select(t => t.Prepared.Acceptance)], shared, cancellationToken);
            if (refused is null)
            {
                break;
            }

            if (refused.Index is not { } index)
            {
                return new RecordedTogether.SharedRowRefused();
            }

            left.Add(together[index].Command);
            together.RemoveAt(index);
        }

        return new RecordedTogether.Committed([.. together.Select(t => t.Prepared.Recorded)], left);
    }

    // The event's transaction and the rows it changes, if it fits the job as stored; else why it does not.
    private (PreparedEvent? Prepared, JobEventOutcome Outcome) Prepare(JobEventCommand command, StoredJob stored)
    {
        var now = time.GetUtcNow();
        var occurredAt = command.OccurredAt ?? now;
        var record = stored.Record;
        var outcome = JobLifecycle.Apply(record.Job, command.Type, occurredAt, now);
        if (outcome is not JobEventOutcome.Applied applied)
        {
            return (null, outcome);
        }

        var recordedAt = now > record.LastRecordedAt ? now : record.LastRecordedAt.AddTicks(1);
        var tx = intake.NewTransaction(command.Type, command.AssociationId.Value, command.EventId, occurredAt, command.Actor, command.JobId.Value, command.Data, recordedAt);
        var eventId = TypedId.Parse<EventId>(tx.EventId);
        var updated = record.With(applied.Next, new JobEventEntry(tx.EventId, tx.Type, tx.OccurredAt, tx.RecordedAt, tx.Actor));
        IEnumerable<StateChange> changes = [.. JobStore.Moved(stored, updated), .. command.ExtraChanges];
        if (command.KeptText is { } kept)
        {
            changes = changes.Append(JobStore.FreeText(eventId, kept.Row));
        }

        return (new PreparedEvent(new Acceptance(tx, changes), new JobEventResult.Recorded(eventId, updated.Job)), outcome);
    }

    // Asked only when the event cannot be recorded as it stands: on the way in, a duplicate is caught by the claim
    // on its id in the accepting transaction, which saves a read on every event. The answer names the job the event
    // was recorded on; an id claimed by something that is not a job of this association is no duplicate of a job event.
    private async Task<JobEventResult?> DuplicateOfAsync(JobEventCommand command, StoredJob? stored, CancellationToken cancellationToken)
    {
        if (command.EventId is not { } eventId || await state.GetAcceptedEventAsync(command.AssociationId.Value, eventId, cancellationToken) is not { } claimed)
        {
            return null;
        }

        var job = stored?.Record.Job.JobId.Value == claimed.Subject ? stored.Record.Job
            : TypedId.TryParse<JobId>(claimed.Subject, out var subject) ? (await jobs.GetAsync(command.AssociationId, subject, cancellationToken))?.Record.Job
            : null;
        return job is null ? null : new JobEventResult.Duplicate(eventId, job);
    }

    private async Task<JobEventResult> EarlierRaiseAsync(AssociationId associationId, EventId eventId, JobId jobId, CancellationToken cancellationToken)
    {
        var claimed = await state.GetAcceptedEventAsync(associationId.Value, eventId, cancellationToken);
        var raised = claimed is null ? jobId : claimed.Type == JobEventTypes.Raised ? TypedId.Parse<JobId>(claimed.Subject) : (JobId?)null;
        var earlier = raised is { } earlierJob ? await jobs.GetAsync(associationId, earlierJob, cancellationToken) : null;
        return earlier is null
            ? new JobEventResult.Conflict($"The Idempotency-Key '{eventId}' was used before for another event.")
            : new JobEventResult.Duplicate(TypedId.Parse<EventId>(earlier.Record.Events[0].EventId), earlier.Record.Job);
    }

    private static JsonObject RaisedData(Job job, string termsHash) => new()
    {
        ["contractId"] = job.ContractId.Value,
        ["termsHash"] = termsHash,
        ["supplierId"] = job.SupplierId.Value,
        ["itemCode"] = job.ItemCode,
        ["quantity"] = job.Quantity,
        ["priority"] = job.Priority.WireName(),
        ["propertyRef"] = job.PropertyRef,
        ["deadline"] = UtcTimestamp.Format(job.Deadline),
    };
}

/// <summary>An event ready to accept, and the answer it gets once accepted.</summary>
internal sealed record PreparedEvent(Acceptance Acceptance, JobEventResult.Recorded Recorded);

/// <summary>How recording events together ended.</summary>
public abstract record RecordedTogether
{
    private RecordedTogether()
    {
    }

    /// <summary>
    /// One transaction recorded <paramref name="Recorded"/> (none, if none fitted); <paramref name="Left"/> were not
    /// recorded, and are for the caller to record alone.
    /// </summary>
    public sealed record Committed(IReadOnlyList<JobEventResult.Recorded> Recorded, IReadOnlyList<JobEventCommand> Left) : RecordedTogether;

    /// <summary>A shared row changed since it was read; nothing was written.</summary>
    public sealed record SharedRowRefused : RecordedTogether;
}

/// <summary>A job someone wants raised: what to raise, under which event id (the Idempotency-Key, if given), and by whom.</summary>
public sealed record JobRaise(JobRequest Request, EventId? EventId, string Actor);

/// <summary>An event someone wants recorded on a job.</summary>
public sealed record JobEventCommand(
    AssociationId AssociationId, JobId JobId, string Type, EventId? EventId, DateTimeOffset? OccurredAt, string Actor, JsonObject Data)
{
    /// <summary>Free text the event carries, kept off the ledger; <see cref="Data"/> holds only its commitment.</summary>
    public OffLedgerText? KeptText { get; init; }

    /// <summary>Other rows to write with the event (settlement's run and settled-job rows).</summary>
    public IReadOnlyList<StateChange> ExtraChanges { get; init; } = [];

    /// <summary>Whether to wake the appender once it is accepted; false when the caller wakes it once after many.</summary>
    public bool WakeAppender { get; init; } = true;
}

/// <summary>How recording a job event ended: one of its cases, each carrying what that case has.</summary>
public abstract record JobEventResult
{
    private JobEventResult()
    {
    }

    /// <summary>Accepted: it will reach the chain exactly once. <paramref name="Job"/> is the job as the event left it.</summary>
    public sealed record Recorded(EventId EventId, Job Job) : JobEventResult;

    /// <summary>Seen before, and recorded then on <paramref name="Job"/> (as it stands now); nothing was written now.</summary>
    public sealed record Duplicate(EventId EventId, Job Job) : JobEventResult;

    public sealed record NotFound : JobEventResult;

    /// <summary>The event is not valid (a field, or a time out of order); nothing was written.</summary>
    public sealed record Refused(IReadOnlyList<FieldError> Errors) : JobEventResult;

    /// <summary>The event does not fit the job's state, or its id was used for another event; nothing was written.</summary>
    public sealed record Conflict(string Reason) : JobEventResult;
}
