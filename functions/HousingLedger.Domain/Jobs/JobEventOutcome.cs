using HousingLedger.Validation;

namespace HousingLedger.Jobs;

/// <summary>
/// What applying an event to a job came to: the job it leaves (<see cref="Next"/>), a field of the event that is
/// wrong (<see cref="Invalid"/>, answered 400/422), or an event the job's state does not allow
/// (<see cref="Conflict"/>, answered 409). Exactly one is set; in the last two cases nothing is appended.
/// </summary>
public sealed record JobEventOutcome
{
    private JobEventOutcome(Job? next, FieldError? invalid, string? conflict)
    {
        Next = next;
        Invalid = invalid;
        Conflict = conflict;
    }

    public Job? Next { get; }

    public FieldError? Invalid { get; }

    /// <summary>Why the event does not fit the state machine, e.g. <c>job J is completed; job.accepted applies only to a job that is raised</c>.</summary>
    public string? Conflict { get; }

    public bool IsApplied => Next is not null;

    public static JobEventOutcome Applied(Job next) => new(next ?? throw new ArgumentNullException(nameof(next)), null, null);

    public static JobEventOutcome Refused(FieldError invalid) => new(null, invalid ?? throw new ArgumentNullException(nameof(invalid)), null);

    public static JobEventOutcome Conflicting(string conflict) =>
        new(null, null, string.IsNullOrEmpty(conflict) ? throw new ArgumentException("A conflict says why.", nameof(conflict)) : conflict);
}
