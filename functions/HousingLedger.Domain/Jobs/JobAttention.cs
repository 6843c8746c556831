namespace HousingLedger.Jobs;

/// <summary>
/// What makes a job stand out to the association's staff (SPEC §13): work still owed after its deadline, and
/// completed work waiting for their decision. Pure functions of the job and the time; thread-safe.
/// </summary>
public static class JobAttention
{
    /// <summary>
    /// Whether the supplier still owes the work after its deadline: raised, accepted or disputed (sent back to be
    /// completed again), and the deadline before <paramref name="now"/>. Completed work is not overdue, however late
    /// it was done (lateness for the penalty is <see cref="Contracts.LatePenalty"/>'s concern), nor is a cancelled job.
    /// </summary>
    public static bool IsOverdue(Job job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        return IsOverdue(job.State, job.Deadline, now);
    }

    /// <summary>As <see cref="IsOverdue(Job, DateTimeOffset)"/>, for a job known by its state and deadline.</summary>
    public static bool IsOverdue(JobState state, DateTimeOffset deadline, DateTimeOffset now) =>
        state is JobState.Raised or JobState.Accepted or JobState.Disputed && deadline < now;

    /// <summary>Whether the supplier says the work is done and the association has not yet approved or disputed it.</summary>
    public static bool IsAwaitingApproval(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.State == JobState.Completed;
    }
}
