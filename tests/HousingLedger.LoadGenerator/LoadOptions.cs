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
public sealed record LoadOptions(
    Uri ServiceUrl, string OperatorKey, int Associations, int Jobs, int Concurrency, TimeSpan Duration, TimeSpan DrainTimeout)
{
    /// <summary>The sample settings' operator key, used when neither <c>--operator-key</c> nor <c>HL_OPERATOR_KEY</c> is given.</summary>
    public const string SampleOperatorKey = "local-operator-key-for-development-only";

    public const string Usage = """
        HousingLedger load generator: raises jobs and sends signed job.accepted webhooks at a fixed concurrency,
        then checks every accepted event reached its chain exactly once.

          --url <url>              the service (default http://127.0.0.1:7071); loopback only unless --allow-remote
          --allow-remote           allow a --url that is not loopback
          --operator-key <key>     the operator's API key (default $HL_OPERATOR_KEY, else the sample settings' key)
          --associations <n>       associations, one contract each (default 4)
          --jobs <n>               jobs to raise at most (default 500)
          --concurrency <n>        jobs in flight at once (default 32)
          --duration <seconds>     the load phase's time limit (default 120)
          --drain-timeout <secs>   how long to wait for the chains to catch up (default 120)
        """;

    /// <summary>Reads the command line; the error says which option was wrong and why.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string? operatorKeyFromEnvironment)
    {
        var url = "http://127.0.0.1:7071";
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

        return (new LoadOptions(serviceUrl, operatorKey, associations, jobs, concurrency, TimeSpan.FromSeconds(durationSeconds), TimeSpan.FromSeconds(drainSeconds)), null);
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
