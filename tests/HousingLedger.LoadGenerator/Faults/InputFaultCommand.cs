using System.CommandLine;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// <c>fuzz</c>, <c>duplicates</c> and <c>poison</c> (docs/reliability.md): bad, repeated or poisoned input. Each takes
/// only the options it reads; every random choice comes from <c>--seed</c>, printed when drawn.
/// </summary>
internal sealed class InputFaultCommand : Command
{
    public const string Fuzz = "fuzz";
    public const string Duplicates = "duplicates";
    public const string Poison = "poison";

    private readonly ServiceOptions service;
    private readonly Option<int?> seed = CommonOptions.Seed(from: 0, "The seed of every random choice; the same seed sends the same run again (default: random, printed).");
    private readonly Option<int> requests = CommonOptions.Positive("--requests", 10_000, "Malformed requests to send.");
    private readonly Option<int> messages = CommonOptions.Positive("--messages", 5, "Malformed messages of each kind on each queue.");
    private readonly Option<int> jobs;
    private readonly Option<int> concurrency = CommonOptions.Positive("--concurrency", 8, "Requests in flight at once.");
    private readonly Option<int> timeout = CommonOptions.Positive("--timeout", 120, "How long to wait for chains and queues to settle.", "seconds");

    /// <param name="name"><see cref="Fuzz"/>, <see cref="Duplicates"/> or <see cref="Poison"/>.</param>
    /// <param name="environment">Reads <c>HL_OPERATOR_KEY</c>, when <c>--operator-key</c> is not given.</param>
    public InputFaultCommand(string name, Func<string, string?> environment)
        : base(name, Describe(name))
    {
        service = new ServiceOptions(environment, "Allow a --url that is not loopback.", "send to a remote service");
        jobs = CommonOptions.Positive(
            "--jobs", 200, name == Duplicates ? "Jobs whose webhooks are each delivered twice." : "Jobs raised while the poison is handled.");
        Option[] own = name switch
        {
            Fuzz => [.. service.All, requests],
            Duplicates => [.. service.All, jobs],
            _ => [messages, jobs],
        };
        foreach (var option in (Option[])[.. own, seed, concurrency, timeout])
        {
            Options.Add(option);
        }

        // Exit codes: 0 everything tried held; 1 something did not; 2 the run could not start.
        SetAction((parsed, cancellationToken) => LoadCommandLine.RunAsync(
            parsed,
            async output =>
            {
                var options = Bind(parsed);
                var verdict = name switch
                {
                    Fuzz => await FuzzRun.RunAsync(options, output, cancellationToken),
                    Duplicates => await DuplicatesRun.RunAsync(options, output, cancellationToken),
                    _ => await PoisonRun.RunAsync(options, output, cancellationToken),
                };
                return verdict.Sound ? 0 : 1;
            },
            ex => ex is SetupFailedException or AuditFailedException or OperationCanceledException));
    }

    /// <summary>The run a command line that parsed asks for: options the command does not take keep their defaults, and a seed not given is drawn here.</summary>
    public InputFaultOptions Bind(ParseResult parsed) => new(
        Value(parsed, service.Url),
        service.OperatorKeyOf(parsed),
        parsed.GetValue(seed) ?? Random.Shared.Next(),
        Value(parsed, requests),
        Value(parsed, jobs),
        Value(parsed, messages),
        Value(parsed, concurrency),
        TimeSpan.FromSeconds(Value(parsed, timeout)));

    private T Value<T>(ParseResult parsed, Option<T> option) =>
        Options.Contains(option) ? parsed.GetValue(option)! : (T)option.GetDefaultValue()!;

    private static string Describe(string name) => name switch
    {
        Fuzz => "Malformed requests against a running service: zero 5xx, every refusal a problem, nothing appended.",
        Duplicates => "Every supplier webhook twice, shuffled across jobs: each event once on its chain.",
        Poison => "Malformed messages on every queue the service listens to, with a load beside them; runs its own Azurite and service in this process.",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an input fault"),
    };
}
