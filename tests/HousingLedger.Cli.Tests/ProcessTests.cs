using System.Diagnostics;

namespace HousingLedger.Cli;

/// <summary>hl as a real process: the exit code reaches the shell, the verdict is on stdout and nothing else is.</summary>
public sealed class ProcessTests
{
    [Theory]
    [InlineData("valid", 0, "OK chain assoc_riverside: 3 blocks and 7 transactions")]
    [InlineData("forged-signature", 1, "FAILED chain assoc_riverside: block 2: signature: ")]
    public async Task Hl_RunAsAProcess_ExitsWithTheVerdictsCode(string export, int exitCode, string stdoutStart)
    {
        var run = await RunAsync("verify", HlRun.Input($"exports/{export}.jsonl"), "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.StartsWith(stdoutStart, run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Hl_RunAsAProcess_ExitsTwoOnAMissingFile()
    {
        var run = await RunAsync("verify", "no-such-export.jsonl", "--jwks", HlRun.Input("jwks.json"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("hl: cannot read the export 'no-such-export.jsonl'", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the hl.dll built beside these tests with the dotnet host the SDK names, stderr redirected (so no progress bar).</summary>
    private static async Task<HlRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new HlRun(process.ExitCode, await stdout, await stderr);
    }
}
