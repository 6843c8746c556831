namespace HousingLedger.Cli;

/// <summary>
/// One run of <c>hl</c>: its exit code and what it wrote where. Its text form is what a failed assertion shows.
/// The function app's tests compile this file too, to run <c>hl witness</c> against the service they start.
/// </summary>
internal sealed partial record HlRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs <c>hl</c> in this process, as <c>Program</c> does but with captured writers and no terminal.</summary>
    public static async Task<HlRun> InProcessAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Hl.RunAsync(args, new AuditorConsole(stdout, stderr, ErrorIsTerminal: false));
        return new HlRun(code, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
