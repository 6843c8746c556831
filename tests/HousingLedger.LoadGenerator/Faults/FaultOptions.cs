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

    public const string Usage = """
        HousingLedger load generator, process faults: starts its own Azurite (data on disk in a temporary folder) and
        the Release host as child processes on private loopback ports, runs a load of jobs raised, accepted,
        completed and approved, with settlement runs during and after it, while it breaks something; then checks that
        every acknowledged event is on its chain once, every chain links and verifies, and no job is paid twice.

          crash | azurite-restart | two-hosts
            crash              SIGKILL the host at --faults seeded moments (one just after a settlement starts), restarting it each time
            azurite-restart    SIGTERM Azurite at --faults seeded moments and start it again on its ports and folder; the host stays
            two-hosts          two hosts on the one Azurite share the load, and settlement is asked of both at once
          --app <folder>           the folder with HousingLedger.Functions.dll (default: this generator's own output)
          --seed <n>               seeds the fault moments (default: random, printed)
          --events <n>             events at most, four a job (default 20000 for crash, 8000 otherwise)
          --faults <n>             kills or restarts (default 10 for crash, 2 for azurite-restart)
          --associations <n>       associations, one contract each (default 4)
          --concurrency <n>        jobs in flight at once (default 32)
          --duration <seconds>     the load phase's time limit (default 900)
          --drain-timeout <secs>   give up on the chains catching up once none has moved for this long (default 300)
          --retry-for <seconds>    how long a client resends an unanswered request (default 180)
          --host-log <file>        append every host's warnings and errors to this file, each start under a heading
        """;

    /// <summary>Settings every host gets besides storage and keys; a test shortens the catch-up timer with them.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    public int Jobs => Math.Max(1, Events / 4);

    /// <summary>Reads the command and its options; the error says which was wrong and why.</summary>
    public static (FaultOptions? Options, string? Error) Parse(string command, IReadOnlyList<string> args, string? operatorKeyFromEnvironment)
    {
        if (command is not (Crash or AzuriteRestart or TwoHosts))
        {
            return (null, $"unknown fault run {command}");
        }

        var app = AppContext.BaseDirectory;
        var hostLog = "";
        var seed = Random.Shared.Next(1, 1_000_000);
        int events = command == Crash ? 20_000 : 8_000, faults = command == Crash ? 10 : 2;
        int associations = 4, concurrency = 32, duration = 900, drain = 300, retry = 180;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return (null, $"{args[i]} needs a value");
            }

            var (name, value) = (args[i], args[i + 1]);
            var error = name switch
            {
                "--app" => Directory.Exists(value) ? Set(Path.GetFullPath(value), out app) : $"--app: no folder {value}",
                "--seed" => LoadOptions.Positive(name, value, out seed),
                "--events" => LoadOptions.Positive(name, value, out events),
                "--faults" => LoadOptions.Positive(name, value, out faults),
                "--associations" => LoadOptions.Positive(name, value, out associations),
                "--concurrency" => LoadOptions.Positive(name, value, out concurrency),
                "--duration" => LoadOptions.Positive(name, value, out duration),
                "--drain-timeout" => LoadOptions.Positive(name, value, out drain),
                "--retry-for" => LoadOptions.Positive(name, value, out retry),
                "--host-log" => Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(value))) ? Set(Path.GetFullPath(value), out hostLog) : $"--host-log: no folder for {value}",
                _ => $"unknown option {name}",
            };
            if (error is not null)
            {
                return (null, error);
            }
        }

        var operatorKey = string.IsNullOrEmpty(operatorKeyFromEnvironment) ? LoadOptions.SampleOperatorKey : operatorKeyFromEnvironment;
        return (new FaultOptions(
            command, app, operatorKey, seed, events, associations, concurrency, faults,
            TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(drain), TimeSpan.FromSeconds(retry), hostLog.Length > 0 ? hostLog : null), null);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Command} --seed {Seed} --events {Events} --faults {Faults} --associations {Associations} --concurrency {Concurrency} --retry-for {RetryFor.TotalSeconds:0}");

    private static string? Set(string value, out string target)
    {
        target = value;
        return null;
    }
}
