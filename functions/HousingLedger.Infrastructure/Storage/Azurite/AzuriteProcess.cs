using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>
/// A running Azurite from the repository's pinned install, started by this process and stopped when disposed.
/// Used by the standalone host (on Azurite's default ports) and by the tests (on free ports, in memory).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly Process process;

    private AzuriteProcess(Process process, AzuriteEndpoints endpoints)
    {
        this.process = process;
        Endpoints = endpoints;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <summary>The operating system's id of the Azurite process, to signal it (a fault run stops it with SIGTERM).</summary>
    public int ProcessId => process.Id;

    /// <summary>
    /// Installs Azurite if it is missing, starts it and waits until every port answers.
    /// </summary>
    /// <exception cref="AzuriteUnavailableException">It could not be installed, started, or did not answer in time.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteStartOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        await AzuriteInstallation.EnsureInstalledAsync(options.RepositoryRoot, logger, cancellationToken);

        var process = new Process { StartInfo = StartInfo(options) };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new AzuriteUnavailableException(
                $"Azurite could not be started from {process.StartInfo.FileName} ({ex.Message}). Check that Node.js 20 or later is on the PATH.", ex);
        }

        var output = ProcessOutputTail.Attach(process);
        var azurite = new AzuriteProcess(process, options.Endpoints);
        var listening = false;
        try
        {
            await azurite.WaitUntilListeningAsync(options.StartTimeout, output, cancellationToken);
            listening = true;
        }
        finally
        {
            if (!listening)
            {
                await azurite.DisposeAsync();
            }
        }

        logger.LogInformation(
            "Azurite started (pid {ProcessId}) on {Host}: blob {BlobPort}, queue {QueuePort}, table {TablePort}",
            process.Id, options.Endpoints.Host, options.Endpoints.BlobPort, options.Endpoints.QueuePort, options.Endpoints.TablePort);
        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(patience.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static ProcessStartInfo StartInfo(AzuriteStartOptions options)
    {
        var endpoints = options.Endpoints;
        var startInfo = new ProcessStartInfo(AzuriteInstallation.ExecutablePath(options.RepositoryRoot))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.Location ?? Path.GetTempPath(),
        };

        string[] arguments =
        [
            "--blobHost", endpoints.Host, "--blobPort", Invariant(endpoints.BlobPort),
            "--queueHost", endpoints.Host, "--queuePort", Invariant(endpoints.QueuePort),
            "--tableHost", endpoints.Host, "--tablePort", Invariant(endpoints.TablePort),
            "--silent", "--skipApiVersionCheck", "--disableTelemetry",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.Location is null)
        {
            startInfo.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(options.Location);
            startInfo.ArgumentList.Add("--location");
            startInfo.ArgumentList.Add(options.Location);
        }

        return startInfo;
    }

    private static string Invariant(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task WaitUntilListeningAsync(TimeSpan timeout, ProcessOutputTail output, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new AzuriteUnavailableException(
                    $"Azurite exited with code {process.ExitCode} before it listened on {Describe(Endpoints)}. Is another program using those ports?{Environment.NewLine}{output}");
            }

            if (await AllPortsListeningAsync(cancellationToken))
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new AzuriteUnavailableException(
                    $"Azurite did not listen on {Describe(Endpoints)} within {timeout.TotalSeconds:0} s.{Environment.NewLine}{output}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<bool> AllPortsListeningAsync(CancellationToken cancellationToken)
    {
        foreach (var port in Endpoints.Ports)
        {
            if (!await PortProbe.IsListeningAsync(Endpoints.Host, port, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(AzuriteEndpoints endpoints) =>
        $"{endpoints.Host} ports {endpoints.BlobPort}, {endpoints.QueuePort} and {endpoints.TablePort}";
}
