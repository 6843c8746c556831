namespace HousingLedger.Jobs;

/// <summary>
/// How soon a job must be done; each contract sets a timescale per priority (SPEC §4). On the wire the names
/// are <c>emergency</c>, <c>urgent</c> and <c>routine</c> (see <see cref="Priorities"/>).
/// </summary>
public enum Priority
{
    /// <summary>Danger to people or property, e.g. no heating in winter: typically within 24 hours.</summary>
    Emergency,

    /// <summary>Serious inconvenience, e.g. a broken oven: typically within days.</summary>
    Urgent,

    /// <summary>Everything else: typically within weeks.</summary>
    Routine,
}
