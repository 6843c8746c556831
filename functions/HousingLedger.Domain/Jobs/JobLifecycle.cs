using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Jobs;

/// <summary>
/// The rules a job lives by (SPEC §5): how it is raised, and which event may follow which.
/// <list type="bullet">
/// <item><c>job.accepted</c>: raised → accepted</item>
/// <item><c>job.completed</c>: accepted or disputed → completed</item>
/// <item><c>job.approved</c>: completed → approved; <c>job.disputed</c>: completed → disputed</item>
/// <item><c>job.settled</c>: approved → settled</item>
/// <item><c>job.cancelled</c>: raised, accepted or disputed → cancelled</item>
/// </list>
/// A disputed job is "back to accepted until completed again": it is shown as <see cref="JobState.Disputed"/> so
/// everyone can see the work was refused, and it allows exactly what an accepted job allows after acceptance — a new
/// <c>job.completed</c> (moving it to completed again) or <c>job.cancelled</c>. A repeated <c>job.accepted</c> is
/// refused, as it is for an accepted job. Thread-safe; the clock is passed in.
/// </summary>
public static partial class JobLifecycle
{
    /// <summary>How far ahead of the service's clock an event's business time may be (SPEC §5).</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<string, Move> Moves = new(StringComparer.Ordinal)
    {
        [JobEventTypes.Raised] = new([], JobState.Raised),
        [JobEventTypes.Accepted] = new([JobState.Raised], JobState.Accepted),
        [JobEventTypes.Completed] = new([JobState.Accepted, JobState.Disputed], JobState.Completed),
        [JobEventTypes.Cancelled] = new([JobState.Raised, JobState.Accepted, JobState.Disputed], JobState.Cancelled),
        [JobEventTypes.Approved] = new([JobState.Completed], JobState.Approved),
        [JobEventTypes.Disputed] = new([JobState.Completed], JobState.Disputed),
        [JobEventTypes.Settled] = new([JobState.Approved], JobState.Settled),
    };

    /// <summary>
    /// Applies an event of <paramref name="eventType"/> that happened at <paramref name="occurredAt"/> to
    /// <paramref name="job"/>. Checked in this order: the type is a job event type (else <c>type</c> is invalid);
    /// <paramref name="occurredAt"/> is at most <see cref="MaxClockAhead"/> after <paramref name="now"/> (else
    /// <c>occurredAt</c> is invalid); the job's state allows the event (else a conflict: <c>job.raised</c> never
    /// applies to an existing job); <paramref name="occurredAt"/> is not before the job's previous event (else
    /// <c>occurredAt</c> is invalid). The first <c>job.completed</c> sets <see cref="Job.FirstCompletedAt"/>, and a
    /// later one after a dispute leaves it; <c>job.approved</c> sets <see cref="Job.ApprovedAt"/>.
    /// </summary>
    public static JobEventOutcome Apply(Job job, string eventType, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (eventType is null || !Moves.TryGetValue(eventType, out var move))
        {
            return new JobEventOutcome.Refused(new FieldError("type", "must be one of " + string.Join(", ", JobEventTypes.All)));
        }

        if (IsTooFarAhead(occurredAt, now))
        {
            return new JobEventOutcome.Refused(new FieldError("occurredAt", TooFarAheadMessage(occurredAt, now)));
        }

        if (!move.From.Contains(job.State))
        {
            return new JobEventOutcome.Conflicting(move.From.Length == 0
                ? $"job {job.JobId} has already been raised"
                : $"job {job.JobId} is {Name(job.State)}; {eventType} applies only to a job that is {string.Join(" or ", move.From.Select(Name))}");
        }

        if (occurredAt < job.LastEventAt)
        {
            return new JobEventOutcome.Refused(new FieldError(
                "occurredAt",
                $"must not be before the job's previous event at {UtcTimestamp.Format(job.LastEventAt)}; found {UtcTimestamp.Format(occurredAt)}"));
        }

        var occurredAtUtc = occurredAt.ToUniversalTime();
        return new JobEventOutcome.Applied(job with
        {
            State = move.To,
            LastEventAt = occurredAtUtc,
            FirstCompletedAt = move.To == JobState.Completed ? job.FirstCompletedAt ?? occurredAtUtc : job.FirstCompletedAt,
            ApprovedAt = move.To == JobState.Approved ? occurredAtUtc : job.ApprovedAt,
        });
    }

    // Shared with every other event's business time (bank-detail changes), so one rule says how far ahead is too far.
    internal static bool IsTooFarAhead(DateTimeOffset occurredAt, DateTimeOffset now) => occurredAt - now > MaxClockAhead;

    internal static string TooFarAheadMessage(DateTimeOffset occurredAt, DateTimeOffset now) =>
        $"must not be more than {MaxClockAhead.TotalMinutes} minutes after the service's clock ({UtcTimestamp.Format(now)}); found {UtcTimestamp.Format(occurredAt)}";

    private static string Name(JobState state) => state.ToString().ToLowerInvariant();

    private sealed record Move(JobState[] From, JobState To);
}
