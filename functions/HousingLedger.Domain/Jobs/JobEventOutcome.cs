using HousingLedger.Validation;

namespace HousingLedger.Jobs;

/// <summary>
/// What applying an event to a job came to: the job it leaves (<see cref="Applied"/>), a field of the event that is
/// wrong (<see cref="Refused"/>, answered 400), or an event the job's state does not allow (<see cref="Conflicting"/>,
/// answered 409). In the last two cases nothing is appended.
/// </summary>
public abstract record JobEventOutcome
{
    private JobEventOutcome()
    {
    }

    /// <summary>The event fits: <paramref name="Next"/> is the job as it leaves it.</summary>
    public sealed record Applied(Job Next) : JobEventOutcome;

    /// <summary>A field of the event is wrong.</summary>
    public sealed record Refused(FieldError Invalid) : JobEventOutcome;

    /// <summary>Why the event does not fit the state machine, e.g. <c>job J is completed; job.accepted applies only to a job that is raised</c>.</summary>
    public sealed record Conflicting(string Conflict) : JobEventOutcome
    {
        public string Conflict { get; } = string.IsNullOrEmpty(Conflict) ? throw new ArgumentException("A conflict says why.", nameof(Conflict)) : Conflict;
    }
}
