using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>
/// The function app as a separate operating-system process, started as <c>dotnet HousingLedger.Functions.dll</c>
/// from this test's output (or from another folder, such as the unpacked deployment package), so a test can kill it
/// outright (no clean shutdown) and start another.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;

    private HostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="appFolder">The folder holding <c>HousingLedger.Functions.dll</c>; this test's output when <see langword="null"/>.</param>
    public static async Task<HostProcess> StartAsync(string storageConnection, string keyPath, IDictionary<string, string>? settings = null, string? appFolder = null)
    {
        var port = LoopbackPorts.Free(1)[0];
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("hl-host-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(appFolder ?? AppContext.BaseDirectory, "HousingLedger.Functions.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        start.Environment["AzureWebJobsStorage"] = storageConnection;
        start.Environment["Operator__ApiKey"] = ServiceHost.OperatorKey;
        start.Environment["Signing__LocalKeyPath"] = keyPath;
        start.Environment["WebhookSecrets__LocalKeyPath"] = ServiceHost.WebhookSecretsKeyPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var errors = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                errors.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                // The parameterless wait also reads the redirected streams to their end, so the errors are all there.
                process.WaitForExit();
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it answered:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, baseAddress);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The host did not answer /api/health within 30 s.");
    }

    /// <summary>Ends the process at once, as a crash or a scale-in would: nothing is flushed or finished.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
