using System.Globalization;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>What one fault run does (<c>fuzz</c>, <c>duplicates</c> or <c>poison</c>); each reads only the options it names.</summary>
/// <param name="ServiceUrl">The running service (fuzz, duplicates); poison starts its own in this process.</param>
/// <param name="OperatorKey">The operator's API key.</param>
/// <param name="Seed">The seed of every random choice; the same seed sends the same run again.</param>
/// <param name="Requests">fuzz: malformed requests to send.</param>
/// <param name="Jobs">duplicates: jobs whose webhooks are redelivered; poison: jobs raised while the poison is handled.</param>
/// <param name="Messages">poison: malformed messages of each kind on each queue.</param>
/// <param name="Concurrency">Requests in flight at once.</param>
/// <param name="Timeout">How long to wait for chains, queues and work orders to settle.</param>
public sealed record InputFaultOptions(
    Uri ServiceUrl, string OperatorKey, int Seed, int Requests, int Jobs, int Messages, int Concurrency, TimeSpan Timeout)
{
    public const string Usage = """
        HousingLedger load generator, fault runs (docs/reliability.md): each exits 0 when everything held, 1 when
        something did not, 2 when it could not start. Every random choice comes from --seed (printed when chosen).

          fuzz        malformed requests against a running service: zero 5xx, every refusal a problem, nothing appended
            --url <url> --operator-key <key> --seed <n> --requests <n> (default 10000) --concurrency <n> (default 8)
          duplicates  every supplier webhook twice, shuffled across jobs: each event once on its chain
            --url <url> --operator-key <key> --seed <n> --jobs <n> (default 200) --concurrency <n> (default 8)
          poison      malformed messages on every queue the service listens to, with a load beside them; runs its own
                      Azurite and service in this process
            --seed <n> --messages <n> (of each kind per queue, default 5) --jobs <n> (default 200) --concurrency <n> (default 8)
          all:  --timeout <seconds> for chains and queues to settle (default 120); --allow-remote as for the load run
        """;

    /// <summary>Reads the options after the command's name; the error says which was wrong and why.</summary>
    public static (InputFaultOptions? Options, string? Error) Parse(string command, IReadOnlyList<string> args, string? operatorKeyFromEnvironment)
    {
        var url = "http://127.0.0.1:7071";
        var operatorKey = string.IsNullOrEmpty(operatorKeyFromEnvironment) ? LoadOptions.SampleOperatorKey : operatorKeyFromEnvironment;
        var allowRemote = false;
        int seed = Random.Shared.Next(), requests = 10_000, jobs = 200, messages = 5, concurrency = 8, timeoutSeconds = 120;
        var named = new HashSet<string>(StringComparer.Ordinal) { "--seed", "--concurrency", "--timeout" };
        named.UnionWith(command switch
        {
            "fuzz" => ["--url", "--operator-key", "--requests"],
            "duplicates" => ["--url", "--operator-key", "--jobs"],
            _ => ["--messages", "--jobs"],
        });
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--allow-remote" && named.Contains("--url"))
            {
                allowRemote = true;
                continue;
            }

            if (!named.Contains(name))
            {
                return (null, $"unknown option {name} for {command}");
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
                "--seed" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed) ? null : $"--seed must be a whole number from 0 up, not '{value}'",
                "--requests" => LoadOptions.Positive(name, value, out requests),
                "--jobs" => LoadOptions.Positive(name, value, out jobs),
                "--messages" => LoadOptions.Positive(name, value, out messages),
                "--concurrency" => LoadOptions.Positive(name, value, out concurrency),
                _ => LoadOptions.Positive(name, value, out timeoutSeconds),
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

        if (!allowRemote && !LoadOptions.IsLoopback(serviceUrl))
        {
            return (null, $"--url '{url}' is not a loopback address; pass --allow-remote to send to a remote service");
        }

        return (new InputFaultOptions(serviceUrl, operatorKey, seed, requests, jobs, messages, concurrency, TimeSpan.FromSeconds(timeoutSeconds)), null);
    }

    private static string? Assign(string value, out string target)
    {
        target = value;
        return null;
    }
}
