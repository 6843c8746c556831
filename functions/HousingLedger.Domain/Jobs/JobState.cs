namespace HousingLedger.Jobs;

/// <summary>
/// Where a job stands in its lifecycle (SPEC §5): <c>raised → accepted → completed → approved → settled</c>,
/// with <c>disputed</c> and <c>cancelled</c> beside them. <see cref="JobLifecycle"/> holds the moves between them.
/// </summary>
public enum JobState
{
    /// <summary>The association has raised the job; the work order is on its way to the supplier.</summary>
    Raised,

    /// <summary>The supplier has taken the job on.</summary>
    Accepted,

    /// <summary>The supplier says the work is done, with evidence.</summary>
    Completed,

    /// <summary>The association accepts the work; settlement will pay for it.</summary>
    Approved,

    /// <summary>The association does not accept the work; the supplier must complete it again.</summary>
    Disputed,

    /// <summary>Settlement has priced the job and put it into a payment batch. Final.</summary>
    Settled,

    /// <summary>The supplier withdrew before completing. Final; never paid.</summary>
    Cancelled,
}
