namespace HousingLedger.LoadGenerator;

/// <summary>What one load run does: where the service is, how many associations and jobs, how many at once, and for how long.</summary>
/// <param name="ServiceUrl">The service's base address (without <c>/api</c>).</param>
/// <param name="OperatorKey">The operator's API key, to onboard associations and the supplier.</param>
/// <param name="Associations">How many associations share the jobs, each with its own contract and chain.</param>
/// <param name="Jobs">How many jobs to raise at most; each is followed by one <c>job.accepted</c> webhook.</param>
/// <param name="Concurrency">How many jobs are in flight at once.</param>
/// <param name="Duration">How long the load phase may last; no job is started after it.</param>
/// <param name="DrainTimeout">How long to wait, after the last answer, for every accepted event to reach its chain.</param>
/// <param name="Storage">The connection string of the service's storage, where Azurite's ceiling is measured.</param>
/// <param name="Mix">Which events each job goes through.</param>
/// <param name="CeilingDuration">How long Azurite's batched-insert ceiling is measured for.</param>
/// <param name="Preload">
/// Events put on the chains and in the state before the measured load, with the same mix and concurrency, and waited
/// for (on the chains, their work orders delivered), so the load is measured on top of that much history; 0 for none.
/// </param>
public sealed record LoadOptions(
    Uri ServiceUrl,
    string OperatorKey,
    int Associations,
    int Jobs,
    int Concurrency,
    TimeSpan Duration,
    TimeSpan DrainTimeout,
    string Storage,
    LoadMix Mix,
    TimeSpan CeilingDuration,
    int Preload = 0)
{
    /// <summary>The sample settings' operator key, used when neither <c>--operator-key</c> nor <c>HL_OPERATOR_KEY</c> is given.</summary>
    public const string SampleOperatorKey = "local-operator-key-for-development-only";
}

/// <summary>Which events each job of a load run goes through.</summary>
public enum LoadMix
{
    /// <summary>Raised, accepted, completed and approved: over a day every job passes through each once.</summary>
    Full,

    /// <summary>Raised and accepted only, the load of the runs recorded before issue 12.</summary>
    RaiseAccept,
}
