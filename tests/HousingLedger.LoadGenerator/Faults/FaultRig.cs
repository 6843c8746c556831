using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HousingLedger.Infrastructure.Storage.Azurite;
using HousingLedger.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// What a fault run breaks: its own Azurite, and the Release hosts it starts as child processes against it, on
/// private loopback ports. A host can be killed (SIGKILL) and started again on its port. An Azurite that keeps its
/// data on disk in a temporary folder can be stopped (SIGTERM) and started again on the same ports and folder; one
/// that keeps it in memory cannot, and serves the runs that never restart it.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);
    private readonly string appFolder;
    private readonly IReadOnlyDictionary<string, string> hostEnvironment;
    private readonly TextWriter? hostLog;
    private readonly string? storageFolder;
    private AzuriteProcess azurite;
    private int hostsStarted;

    private FaultRig(string folder, string? storageFolder, string appFolder, AzuriteProcess azurite, IReadOnlyDictionary<string, string> hostEnvironment, TextWriter? hostLog)
    {
        Folder = folder;
        this.storageFolder = storageFolder;
        this.appFolder = appFolder;
        this.azurite = azurite;
        this.hostEnvironment = hostEnvironment;
        this.hostLog = hostLog;
    }

    /// <summary>The temporary folder holding the hosts' local keys, and Azurite's data when it is on disk.</summary>
    public string Folder { get; }

    public AzuriteEndpoints Endpoints => azurite.Endpoints;

    public bool StorageOnDisk => storageFolder is not null;

    /// <param name="hostSettings">Settings every host gets besides storage, keys and operator key (a test's faster timers).</param>
    /// <param name="storageOnDisk">Whether Azurite keeps its data on disk, so that <see cref="RestartAzuriteAsync"/> can stop and start it.</param>
    /// <param name="hostLogPath">A file to append every host's output to, each start under a heading; none when <see langword="null"/>.</param>
    public static async Task<FaultRig> StartAsync(
        string appFolder, string operatorKey, IReadOnlyDictionary<string, string> hostSettings, bool storageOnDisk, string? hostLogPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(appFolder, "HousingLedger.Functions.dll")))
        {
            throw new SetupFailedException($"No HousingLedger.Functions.dll in {appFolder}; build the function app in Release and pass its output with --app.");
        }

        var folder = Directory.CreateTempSubdirectory("hl-faults-").FullName;
        var ports = PrivatePorts(3);
        var endpoints = new AzuriteEndpoints(IPAddress.Loopback.ToString(), ports[0], ports[1], ports[2]);
        var storageFolder = storageOnDisk ? Path.Combine(folder, "azurite") : null;
        var azurite = await StartAzuriteAsync(endpoints, storageFolder, 1, cancellationToken);
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

        var hostLog = hostLogPath is null ? null : TextWriter.Synchronized(new StreamWriter(hostLogPath, append: true) { AutoFlush = true });
        return new FaultRig(folder, storageFolder, appFolder, azurite, environment, hostLog);
    }

    /// <summary>The sample settings' values (the timers' schedules among them) as environment variables, as a developer's host has them.</summary>
    private static Dictionary<string, string> SampleSettings()
    {
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TestRepository.PathOf("local.settings.sample.json")))!["Values"]!.AsObject();
        return sample.ToDictionary(v => v.Key.Replace(":", "__", StringComparison.Ordinal), v => (string?)v.Value ?? "");
    }

    /// <summary>Starts a host on <paramref name="port"/> (a fresh private port when <see langword="null"/>) and waits until it answers.</summary>
    public Task<AppProcess> StartHostAsync(int? port, CancellationToken cancellationToken)
    {
        port ??= PrivatePorts(1)[0];
        hostLog?.WriteLine($"--- host {Interlocked.Increment(ref hostsStarted)} on port {port}, started {DateTimeOffset.UtcNow:O}");
        return AppProcess.StartAsync(appFolder, hostEnvironment, port, TimeSpan.FromSeconds(120), hostLog, cancellationToken);
    }

    /// <summary>
    /// Stops Azurite as an operator would (SIGTERM, so it closes its files), then starts it again on the same ports
    /// and folder. Answers how long storage was away, from the signal to every port listening again.
    /// </summary>
    public async Task<TimeSpan> RestartAzuriteAsync(CancellationToken cancellationToken)
    {
        if (storageFolder is null)
        {
            throw new InvalidOperationException("Azurite keeps this run's data in memory; a restart would lose it.");
        }

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
        azurite = await StartAzuriteAsync(azurite.Endpoints, storageFolder, 60, cancellationToken);
        return down.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await azurite.DisposeAsync();
        hostLog?.Dispose();
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
    private static async Task<AzuriteProcess> StartAzuriteAsync(AzuriteEndpoints endpoints, string? location, int attempts, CancellationToken cancellationToken)
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
