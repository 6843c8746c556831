using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace HousingLedger.Testing;

/// <summary>
/// The function app as a separate operating-system process, <c>dotnet HousingLedger.Functions.dll --urls …</c>, so a
/// test or a fault run can kill it outright (no clean shutdown) and start another, on the same port if it likes.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    public bool HasExited => process.HasExited;

    /// <summary>Starts the app in <paramref name="appFolder"/> with <paramref name="environment"/> and waits until /api/health answers 200.</summary>
    /// <param name="port">The loopback port to listen on; a free one when <see langword="null"/>.</param>
    /// <param name="output">Where to copy every line the app writes, if anywhere (a fault run's host log); it must be safe to write from two threads.</param>
    /// <exception cref="InvalidOperationException">It exited, or did not answer within <paramref name="startTimeout"/> (30 s by default).</exception>
    public static async Task<AppProcess> StartAsync(
        string appFolder, IReadOnlyDictionary<string, string> environment, int? port = null, TimeSpan? startTimeout = null, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? LoopbackPorts.Free(1)[0]}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("hl-host-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(appFolder, "HousingLedger.Functions.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        // Both streams, as the console logger writes to standard output; only the tail is kept, for a start that fails.
        var errors = new ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is not null)
            {
                output?.WriteLine(line);
                errors.Enqueue(line);
                while (errors.Count > 200 && errors.TryDequeue(out _))
                {
                }
            }
        }

        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = startTimeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < limit)
        {
            if (process.HasExited)
            {
                // The parameterless wait also reads the redirected streams to their end, so the errors are all there.
                process.WaitForExit();
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it answered:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return new AppProcess(process, baseAddress);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The host did not answer /api/health within {limit.TotalSeconds:0} s.");
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a scale-in would: nothing is flushed or finished.</summary>
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
