using System.Text.Json.Nodes;
using HousingLedger.Functions.Api;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Jobs;
using HousingLedger.Validation;

namespace HousingLedger.Functions.Jobs;

/// <summary>
/// Records an event on a job that exists: checks it was not seen before, that it fits the job's state, and
/// accepts it together with the job's new state, retrying when another event on the job got there first.
/// </summary>
public sealed class JobEvents(StateStore state, EventIntake intake, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task<JobEventResult> RecordAsync(JobEventCommand command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await state.GetAsync(command.AssociationId, Chains.JobRow(command.JobId), cancellationToken);
            if (stored is null)
            {
                return await IsDuplicateAsync(command, cancellationToken) ? JobEventResult.Duplicate(command.EventId!) : JobEventResult.NotFound;
            }

            var record = JobRecord.FromDocument(stored.Document);
            var now = time.GetUtcNow();
            var occurredAt = command.OccurredAt ?? now;
            var outcome = JobLifecycle.Apply(record.Job, command.Type, occurredAt, now);
            if (!outcome.IsApplied)
            {
                // A retry of an event already recorded usually no longer fits the job it moved on: it is a duplicate.
                return await IsDuplicateAsync(command, cancellationToken) ? JobEventResult.Duplicate(command.EventId!)
                    : outcome.Invalid is not null ? JobEventResult.Refused(outcome.Invalid)
                    : JobEventResult.Conflicting(outcome.Conflict!);
            }

            var recordedAt = now > record.LastRecordedAt ? now : record.LastRecordedAt.AddTicks(1);
            var tx = intake.NewTransaction(command.Type, command.AssociationId, command.EventId, occurredAt, command.Actor, command.JobId, command.Data, recordedAt);
            var updated = record.With(outcome.Next!, new JobEventEntry(tx.EventId, tx.Type, tx.OccurredAt, tx.RecordedAt));
            var changes = new List<StateChange> { StateChange.Replace(Chains.JobRow(command.JobId), updated.ToDocument(), stored.Version) };
            changes.AddRange(ContractJobIndex.Changes(record.Job, updated.Job));
            changes.AddRange(command.ExtraChanges(tx.EventId));

            switch (await intake.AcceptAsync(tx, changes, cancellationToken, command.WakeAppender))
            {
                case AcceptOutcome.Accepted:
                    return JobEventResult.Recorded(tx.EventId, outcome.Next!.State);
                case AcceptOutcome.DuplicateEvent:
                    return JobEventResult.Duplicate(tx.EventId);
                default:
                    continue; // the job moved on meanwhile: decide again on its new state
            }
        }

        return JobEventResult.Conflicting("The job changed repeatedly while this event was being recorded; send it again.");
    }

    // Asked only when the event cannot be recorded as it stands: on the way in, a duplicate is caught by the claim
    // on its id in the accepting transaction, which saves a read on every event.
    private async Task<bool> IsDuplicateAsync(JobEventCommand command, CancellationToken cancellationToken) =>
        command.EventId is not null && await state.GetAcceptedEventTypeAsync(command.AssociationId, command.EventId, cancellationToken) is not null;
}

/// <summary>An event someone wants recorded on a job.</summary>
public sealed record JobEventCommand(
    string AssociationId, string JobId, string Type, string? EventId, DateTimeOffset? OccurredAt, string Actor, JsonObject Data)
{
    /// <summary>Rows to write with the event, given its id (e.g. free text kept off the ledger).</summary>
    public Func<string, IEnumerable<StateChange>> ExtraChanges { get; init; } = _ => [];

    /// <summary>Whether to wake the appender once it is accepted; false when the caller wakes it once after many.</summary>
    public bool WakeAppender { get; init; } = true;
}

/// <summary>How recording a job event ended.</summary>
public sealed record JobEventResult(JobEventStatus Status, string? EventId, JobState? State, FieldError? Invalid, string? Conflict)
{
    public static JobEventResult NotFound { get; } = new(JobEventStatus.NotFound, null, null, null, null);

    public static JobEventResult Recorded(string eventId, JobState state) => new(JobEventStatus.Recorded, eventId, state, null, null);

    public static JobEventResult Duplicate(string eventId) => new(JobEventStatus.Duplicate, eventId, null, null, null);

    public static JobEventResult Refused(FieldError invalid) => new(JobEventStatus.Refused, null, null, invalid, null);

    public static JobEventResult Conflicting(string conflict) => new(JobEventStatus.Conflict, null, null, null, conflict);
}

public enum JobEventStatus
{
    Recorded,
    Duplicate,
    NotFound,
    Refused,
    Conflict,
}
