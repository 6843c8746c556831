using System.Globalization;
using System.Net;

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
    TimeSpan CeilingDuration)
{
    /// <summary>The sample settings' operator key, used when neither <c>--operator-key</c> nor <c>HL_OPERATOR_KEY</c> is given.</summary>
    public const string SampleOperatorKey = "local-operator-key-for-development-only";

    public const string Usage = """
        HousingLedger load generator: measures Azurite's batched-insert ceiling, then takes jobs through their day
        at a fixed concurrency (raised and approved by the association's admin, accepted and completed by the
        supplier's signed webhooks), then checks every accepted event reached its chain exactly once. Every rate is
        also given as a ratio to the ceiling; the host's storage calls per event are read from
        /api/diagnostics/storage-operations when the host counts them (Storage__CountOperations=true).

          --url <url>              the service (default http://127.0.0.1:7071); loopback only unless --allow-remote
          --allow-remote           allow a --url or storage endpoints that are not loopback
          --operator-key <key>     the operator's API key (default $HL_OPERATOR_KEY, else the sample settings' key)
          --storage <connection>   the host's storage connection string (default $AzureWebJobsStorage), where
                                   Azurite's ceiling is measured: 100-entity batches, 4 writers, a fresh table
          --ceiling-seconds <n>    how long the ceiling is measured (default 10)
          --mix <full|raise-accept> full: raise, accept, complete, approve each job, one of each as a day has
                                   them (default); raise-accept: only raise and accept, as earlier runs did
          --associations <n>       associations, one contract each (default 4)
          --jobs <n>               jobs to raise at most (default 500)
          --concurrency <n>        jobs in flight at once (default 32)
          --duration <seconds>     the load phase's time limit (default 120)
          --drain-timeout <secs>   how long to wait for the chains to catch up (default 120)
        """;

    /// <summary>Reads the command line; the error says which option was wrong and why.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string? operatorKeyFromEnvironment, string? storageFromEnvironment)
    {
        var url = "http://127.0.0.1:7071";
        var storage = storageFromEnvironment ?? "";
        var mix = "full";
        var ceilingSeconds = 10;
        var operatorKey = string.IsNullOrEmpty(operatorKeyFromEnvironment) ? SampleOperatorKey : operatorKeyFromEnvironment;
        var allowRemote = false;
        int associations = 4, jobs = 500, concurrency = 32, durationSeconds = 120, drainSeconds = 120;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--allow-remote")
            {
                allowRemote = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            var value = args[++i];
            var error = name switch
            {
                "--url" => Assign(value, out url),
                "--operator-key" => Assign(value, out operatorKey),
                "--storage" => Assign(value, out storage),
                "--mix" => Assign(value, out mix),
                "--ceiling-seconds" => Positive(name, value, out ceilingSeconds),
                "--associations" => Positive(name, value, out associations),
                "--jobs" => Positive(name, value, out jobs),
                "--concurrency" => Positive(name, value, out concurrency),
                "--duration" => Positive(name, value, out durationSeconds),
                "--drain-timeout" => Positive(name, value, out drainSeconds),
                _ => $"unknown option {name}",
            };
            if (error is not null)
            {
                return (null, error);
            }
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            return (null, $"--url '{url}' is not an absolute http(s) URL");
        }

        if (!allowRemote && !IsLoopback(serviceUrl))
        {
            return (null, $"--url '{url}' is not a loopback address; pass --allow-remote to load a remote service");
        }

        if (mix is not ("full" or "raise-accept"))
        {
            return (null, $"--mix must be full or raise-accept, not '{mix}'");
        }

        if (string.IsNullOrWhiteSpace(storage))
        {
            return (null, "the storage connection string is needed to measure Azurite's ceiling: pass --storage or set AzureWebJobsStorage");
        }

        if (StorageEndpoint(storage) is not { } table)
        {
            return (null, "--storage is not a storage connection string with a table endpoint");
        }

        if (!allowRemote && !IsLoopback(table))
        {
            return (null, $"the storage's table endpoint {table} is not a loopback address; pass --allow-remote to use it");
        }

        return (new LoadOptions(
            serviceUrl,
            operatorKey,
            associations,
            jobs,
            concurrency,
            TimeSpan.FromSeconds(durationSeconds),
            TimeSpan.FromSeconds(drainSeconds),
            storage,
            mix == "full" ? LoadMix.Full : LoadMix.RaiseAccept,
            TimeSpan.FromSeconds(ceilingSeconds)), null);
    }

    private static Uri? StorageEndpoint(string connectionString)
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

    // Uri.IsLoopback trusts the name "localhost"; an address must be a loopback address itself.
    internal static bool IsLoopback(Uri url) =>
        url.IsLoopback && (url.HostNameType == UriHostNameType.Dns
            ? string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            : IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static string? Assign(string value, out string target)
    {
        target = value;
        return null;
    }

    internal static string? Positive(string name, string value, out int target) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out target) && target > 0
            ? null
            : $"{name} must be a whole number from 1 up, not '{value}'";
}

/// <summary>Which events each job of a load run goes through.</summary>
public enum LoadMix
{
    /// <summary>Raised, accepted, completed and approved: over a day every job passes through each once.</summary>
    Full,

    /// <summary>Raised and accepted only, the load of the runs recorded before issue 12.</summary>
    RaiseAccept,
}
