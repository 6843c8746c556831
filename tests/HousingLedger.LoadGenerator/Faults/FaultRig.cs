using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HousingLedger.Infrastructure.Storage.Azurite;
using HousingLedger.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// What a fault run breaks: its own Azurite, keeping its data on disk in a temporary folder, and the Release hosts
/// it starts as child processes against it, on private loopback ports. Azurite can be stopped (SIGTERM) and started
/// again on the same ports and folder; a host can be killed (SIGKILL) and started again on its port.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);
    private readonly string appFolder;
    private readonly IReadOnlyDictionary<string, string> hostEnvironment;
    private AzuriteProcess azurite;

    private FaultRig(string folder, string appFolder, AzuriteProcess azurite, IReadOnlyDictionary<string, string> hostEnvironment)
    {
        Folder = folder;
        this.appFolder = appFolder;
        this.azurite = azurite;
        this.hostEnvironment = hostEnvironment;
    }

    /// <summary>The temporary folder holding Azurite's data and the hosts' local keys.</summary>
    public string Folder { get; }

    public AzuriteEndpoints Endpoints => azurite.Endpoints;

    /// <param name="hostSettings">Settings every host gets besides storage, keys and operator key (a test's faster timers).</param>
    public static async Task<FaultRig> StartAsync(string appFolder, string operatorKey, IReadOnlyDictionary<string, string> hostSettings, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(appFolder, "HousingLedger.Functions.dll")))
        {
            throw new SetupFailedException($"No HousingLedger.Functions.dll in {appFolder}; build the function app in Release and pass its output with --app.");
        }

        var folder = Directory.CreateTempSubdirectory("hl-faults-").FullName;
        var ports = PrivatePorts(3);
        var endpoints = new AzuriteEndpoints(IPAddress.Loopback.ToString(), ports[0], ports[1], ports[2]);
        var azurite = await StartAzuriteAsync(endpoints, Path.Combine(folder, "azurite"), 1, cancellationToken);
        var environment = SampleSettings();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = endpoints.ConnectionString,
            ["Operator__ApiKey"] = operatorKey,
            ["Signing__LocalKeyPath"] = Path.Combine(folder, "signing-key.pem"),
            ["WebhookSecrets__LocalKeyPath"] = Path.Combine(folder, "webhook-secrets.key"),
            ["Logging__LogLevel__Default"] = "Warning",
        }.Concat(hostSettings))
        {
            environment[key] = value;
        }

        return new FaultRig(folder, appFolder, azurite, environment);
    }

    /// <summary>The sample settings' values (the timers' schedules among them) as environment variables, as a developer's host has them.</summary>
    private static Dictionary<string, string> SampleSettings()
    {
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TestRepository.PathOf("local.settings.sample.json")))!["Values"]!.AsObject();
        return sample.ToDictionary(v => v.Key.Replace(":", "__", StringComparison.Ordinal), v => (string?)v.Value ?? "");
    }

    /// <summary>Starts a host on <paramref name="port"/> (a fresh private port when <see langword="null"/>) and waits until it answers.</summary>
    public Task<AppProcess> StartHostAsync(int? port, CancellationToken cancellationToken) =>
        AppProcess.StartAsync(appFolder, hostEnvironment, port ?? PrivatePorts(1)[0], TimeSpan.FromSeconds(120), cancellationToken);

    /// <summary>
    /// Stops Azurite as an operator would (SIGTERM, so it closes its files), then starts it again on the same ports
    /// and folder. Answers how long storage was away, from the signal to every port listening again.
    /// </summary>
    public async Task<TimeSpan> RestartAzuriteAsync(CancellationToken cancellationToken)
    {
        var down = Stopwatch.StartNew();
        using (var stopped = Process.GetProcessById(azurite.ProcessId))
        {
            using (var signal = Process.Start("kill", ["-TERM", azurite.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync(cancellationToken);
            }

            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(StopPatience);
            await stopped.WaitForExitAsync(patience.Token);
        }

        await azurite.DisposeAsync();
        azurite = await StartAzuriteAsync(azurite.Endpoints, Path.Combine(Folder, "azurite"), 60, cancellationToken);
        return down.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await azurite.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A host still closing a file; the temporary folder is left for the system to clear.
        }
    }

    // The ports of a stopped Azurite can stay taken for a moment, so a restart tries again.
    private static async Task<AzuriteProcess> StartAzuriteAsync(AzuriteEndpoints endpoints, string location, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AzuriteProcess.StartAsync(new AzuriteStartOptions(TestRepository.Root, endpoints, location), NullLogger.Instance, cancellationToken);
            }
            catch (AzuriteUnavailableException) when (attempt < attempts)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    /// <summary>Free loopback ports from 21000–23999, chosen at random so parallel runs on this machine do not collide.</summary>
    public static int[] PrivatePorts(int count)
    {
        var chosen = new List<int>();
        for (var tries = 0; chosen.Count < count && tries < 1000; tries++)
        {
            var port = Random.Shared.Next(21000, 24000);
            if (!chosen.Contains(port) && IsFree(port))
            {
                chosen.Add(port);
            }
        }

        return chosen.Count == count ? [.. chosen] : throw new SetupFailedException("No free loopback ports in 21000–23999.");
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
