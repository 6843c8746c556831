using System.CommandLine;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// <c>crash</c>, <c>azurite-restart</c> and <c>two-hosts</c>: a load of jobs with settlement during and after it, while
/// the run breaks something, then the audit of <see cref="FaultRun"/>.
/// </summary>
internal sealed class FaultCommand : Command
{
    private readonly Func<string, string?> environment;
    private readonly Option<string> app = new("--app")
    {
        Description = "The folder with HousingLedger.Functions.dll (default: this generator's own output).",
        HelpName = "folder",
        DefaultValueFactory = _ => AppContext.BaseDirectory,
        CustomParser = result =>
        {
            var folder = result.Tokens[0].Value;
            if (Directory.Exists(folder))
            {
                return Path.GetFullPath(folder);
            }

            result.AddError($"--app: no folder {folder}");
            return null;
        },
    };

    private readonly Option<int?> seed = CommonOptions.Seed(from: 1, "Seeds the fault moments (default: random, printed).");
    private readonly Option<int> events;
    private readonly Option<int> faults;
    private readonly Option<int> associations = CommonOptions.Positive("--associations", 4, "Associations, one contract each.");
    private readonly Option<int> concurrency = CommonOptions.Positive("--concurrency", 32, "Jobs in flight at once.");
    private readonly Option<int> duration = CommonOptions.Positive("--duration", 900, "The load phase's time limit.", "seconds");
    private readonly Option<int> drainTimeout = CommonOptions.Positive("--drain-timeout", 300, "Give up on the chains catching up once none has moved for this long.", "seconds");
    private readonly Option<int> retryFor = CommonOptions.Positive("--retry-for", 180, "How long a client resends an unanswered request.", "seconds");
    private readonly Option<string?> hostLog = new("--host-log")
    {
        Description = "Append every host's warnings and errors to this file, each start under a heading.",
        HelpName = "file",
        CustomParser = result =>
        {
            var file = result.Tokens[0].Value;
            var path = file.Length > 0 ? Path.GetFullPath(file) : null;
            if (Directory.Exists(Path.GetDirectoryName(path)))
            {
                return path;
            }

            result.AddError($"--host-log: no folder for {file}");
            return null;
        },
    };

    /// <param name="name"><see cref="FaultOptions.Crash"/>, <see cref="FaultOptions.AzuriteRestart"/> or <see cref="FaultOptions.TwoHosts"/>.</param>
    /// <param name="environment">Reads <c>HL_OPERATOR_KEY</c>.</param>
    public FaultCommand(string name, Func<string, string?> environment)
        : base(name, Describe(name))
    {
        this.environment = environment;

        // A crash run is the long one: many kills need a load long enough to spread them over.
        var crash = name == FaultOptions.Crash;
        events = CommonOptions.Positive("--events", crash ? 20_000 : 8_000, "Events at most, four a job.");
        faults = CommonOptions.Positive("--faults", crash ? 10 : 2, "Kills (crash) or restarts (azurite-restart).");
        foreach (var option in new Option[] { app, seed, events, faults, associations, concurrency, duration, drainTimeout, retryFor, hostLog })
        {
            Options.Add(option);
        }

        // Exit codes: 0 nothing acknowledged was lost or doubled, the chains link and verify, no job was paid twice; 1 it was not so; 2 it could not start.
        SetAction((parsed, cancellationToken) => LoadCommandLine.RunAsync(
            parsed,
            output => FaultRun.RunAsync(Bind(parsed), output, cancellationToken),
            ex => ex is SetupFailedException or AuditFailedException or OperationCanceledException or InvalidOperationException));
    }

    /// <summary>The run a command line that parsed asks for; a seed not given is drawn here.</summary>
    public FaultOptions Bind(ParseResult parsed) => new(
        Name,
        parsed.GetValue(app)!,
        CommonOptions.OperatorKey(environment),
        parsed.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000),
        parsed.GetValue(events),
        parsed.GetValue(associations),
        parsed.GetValue(concurrency),
        parsed.GetValue(faults),
        TimeSpan.FromSeconds(parsed.GetValue(duration)),
        TimeSpan.FromSeconds(parsed.GetValue(drainTimeout)),
        TimeSpan.FromSeconds(parsed.GetValue(retryFor)),
        parsed.GetValue(hostLog));

    private static string Describe(string name)
    {
        var fault = name switch
        {
            FaultOptions.Crash => "SIGKILLs the host at --faults seeded moments (one just after a settlement starts), restarting it each time.",
            FaultOptions.AzuriteRestart => "SIGTERMs Azurite at --faults seeded moments and starts it again on its ports and folder; the host stays.",
            FaultOptions.TwoHosts => "Two hosts on the one Azurite share the load, and settlement is asked of both at once.",
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a process fault"),
        };
        var storage = name == FaultOptions.AzuriteRestart ? "its data on disk in a temporary folder, so it can be restarted" : "its data in memory";
        return $"Process fault: {fault} Starts its own Azurite ({storage}) and the Release host as child processes on private loopback ports, runs a load of jobs raised, accepted, completed and approved, with settlement runs during and after it; then checks that every acknowledged event is on its chain once, every chain links and verifies, and no job is paid twice.";
    }
}
