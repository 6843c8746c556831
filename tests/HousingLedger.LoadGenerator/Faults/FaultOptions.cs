using System.Globalization;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>What one fault run does: which fault, how often, over how large a load, and against which build of the app.</summary>
/// <param name="Command">The fault: <c>crash</c>, <c>azurite-restart</c> or <c>two-hosts</c>.</param>
/// <param name="AppFolder">The folder holding the Release <c>HousingLedger.Functions.dll</c> to start.</param>
/// <param name="Seed">Seeds the moments of the faults, so a run can be repeated.</param>
/// <param name="Events">Events to send at most: each job is four (raised, accepted, completed, approved).</param>
/// <param name="Faults">Host kills (<c>crash</c>) or Azurite restarts (<c>azurite-restart</c>); unused by <c>two-hosts</c>.</param>
/// <param name="RetryFor">How long a client resends a request that got no answer or a 5xx, with the same event id.</param>
/// <param name="HostLog">A file to append the hosts' output to (warnings and errors), for finding out why a run did not hold.</param>
public sealed record FaultOptions(
    string Command, string AppFolder, string OperatorKey, int Seed, int Events, int Associations, int Concurrency, int Faults,
    TimeSpan Duration, TimeSpan DrainTimeout, TimeSpan RetryFor, string? HostLog = null)
{
    public const string Crash = "crash";
    public const string AzuriteRestart = "azurite-restart";
    public const string TwoHosts = "two-hosts";

    /// <summary>Settings every host gets besides storage and keys; a test shortens the catch-up timer with them.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    public int Jobs => Math.Max(1, Events / 4);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Command} --seed {Seed} --events {Events} --faults {Faults} --associations {Associations} --concurrency {Concurrency} --retry-for {RetryFor.TotalSeconds:0}");
}
