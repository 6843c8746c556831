using System.CommandLine;
using System.CommandLine.Parsing;

namespace HousingLedger.LoadGenerator;

/// <summary>The load run, which the generator runs when no command is named; the other commands hang from it.</summary>
internal sealed class LoadCommand : RootCommand
{
    private const string Full = "full";
    private const string RaiseAccept = "raise-accept";

    private readonly Func<string, string?> environment;
    private readonly ServiceOptions service;
    private readonly Option<string?> storage = new("--storage")
    {
        Description = "The host's storage connection string (default $AzureWebJobsStorage), where Azurite's ceiling is measured: 100-entity batches, 4 writers, a fresh table.",
        HelpName = "connection",

        // None of its own, but a default all the same, so that the check below also reads $AzureWebJobsStorage.
        DefaultValueFactory = _ => null,
    };

    private readonly Option<int> ceilingSeconds = CommonOptions.Positive("--ceiling-seconds", 10, "How long the ceiling is measured.", "seconds");
    private readonly Option<string> mix = new("--mix")
    {
        Description = "full: raise, accept, complete, approve each job, one of each as a day has them; raise-accept: only raise and accept, as earlier runs did.",
        HelpName = $"{Full}|{RaiseAccept}",
        DefaultValueFactory = _ => Full,
    };

    private readonly Option<int> associations = CommonOptions.Positive("--associations", 4, "Associations, one contract each.");
    private readonly Option<int> jobs = CommonOptions.Positive("--jobs", 500, "Jobs to raise at most.");
    private readonly Option<int> concurrency = CommonOptions.Positive("--concurrency", 32, "Jobs in flight at once.");
    private readonly Option<int> duration = CommonOptions.Positive("--duration", 120, "The load phase's time limit.", "seconds");
    private readonly Option<int> drainTimeout = CommonOptions.Positive("--drain-timeout", 120, "How long to wait for the chains to catch up.", "seconds");
    private readonly Option<int> preload = CommonOptions.NoneOrMore(
        "--preload",
        "Events to put on the chains first, with the same mix and concurrency, and wait for, so the load is measured on top of that much history (issue 12's 'flat with history' takes 100000).");

    public LoadCommand(Func<string, string?> environment)
        : base("HousingLedger load generator: measures Azurite's batched-insert ceiling, then takes jobs through their day at a fixed concurrency (raised and approved by the association's admin, accepted and completed by the supplier's signed webhooks), then checks every accepted event reached its chain exactly once. Every rate is also given as a ratio to the ceiling; the host's storage calls per event are read from /api/diagnostics/storage-operations when the host counts them (Storage__CountOperations=true).")
    {
        this.environment = environment;
        service = new ServiceOptions(environment, "Allow a --url or storage endpoints that are not loopback.", "load a remote service");
        storage.Validators.Add(MustBeStorage);
        mix.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not (Full or RaiseAccept))
            {
                result.AddError($"--mix must be {Full} or {RaiseAccept}, not '{value}'");
            }
        });

        // The generator has no version of its own to tell.
        Options.Remove(Options.OfType<VersionOption>().Single());
        foreach (var option in (Option[])[.. service.All, storage, ceilingSeconds, mix, associations, jobs, concurrency, duration, drainTimeout, preload])
        {
            Options.Add(option);
        }

        // Exit codes: 0 every acknowledged event is on its chain exactly once and every chain verifies; 1 it is not so,
        // or the chains did not catch up in time; 2 the run could not start (bad options, no service, set-up refused).
        SetAction((parsed, cancellationToken) => LoadCommandLine.RunAsync(
            parsed,
            output => LoadRun.RunAsync(Bind(parsed), output, cancellationToken),
            ex => ex is SetupFailedException or AuditFailedException or OperationCanceledException));
    }

    /// <summary>The run a command line that parsed asks for.</summary>
    /// <remarks>By name, since three counts and three times sit side by side in the record and a swap would still compile.</remarks>
    public LoadOptions Bind(ParseResult parsed) => new(
        ServiceUrl: parsed.GetValue(service.Url)!,
        OperatorKey: service.OperatorKeyOf(parsed),
        Associations: parsed.GetValue(associations),
        Jobs: parsed.GetValue(jobs),
        Concurrency: parsed.GetValue(concurrency),
        Duration: TimeSpan.FromSeconds(parsed.GetValue(duration)),
        DrainTimeout: TimeSpan.FromSeconds(parsed.GetValue(drainTimeout)),
        Storage: Storage(parsed.GetValue(storage)),
        Mix: parsed.GetValue(mix) == Full ? LoadMix.Full : LoadMix.RaiseAccept,
        CeilingDuration: TimeSpan.FromSeconds(parsed.GetValue(ceilingSeconds)),
        Preload: parsed.GetValue(preload));

    private string Storage(string? given) => given ?? environment("AzureWebJobsStorage") ?? "";

    private void MustBeStorage(OptionResult result)
    {
        // Options with defaults are checked even when a command below this one runs, and those need no storage.
        if (result.Parent is CommandResult { Children: var children } && children.OfType<CommandResult>().Any())
        {
            return;
        }

        var connection = Storage(result.GetValueOrDefault<string?>());
        if (string.IsNullOrWhiteSpace(connection))
        {
            result.AddError("the storage connection string is needed to measure Azurite's ceiling: pass --storage or set AzureWebJobsStorage");
        }
        else if (TableEndpoint(connection) is not { } table)
        {
            result.AddError("--storage is not a storage connection string with a table endpoint");
        }
        else if (!result.GetValue(service.AllowRemote) && !CommonOptions.IsLoopback(table))
        {
            result.AddError($"the storage's table endpoint {table} is not a loopback address; pass --allow-remote to use it");
        }
    }

    private static Uri? TableEndpoint(string connectionString)
    {
        try
        {
            return new Azure.Data.Tables.TableServiceClient(connectionString).Uri;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
