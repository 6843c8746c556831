namespace HousingLedger.Cli;

/// <summary>One run of <c>hl</c>: its exit code and what it wrote where. Its text form is what a failed assertion shows.</summary>
internal sealed record HlRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs <c>hl</c> in this process, as <c>Program</c> does but with captured writers and no terminal.</summary>
    public static async Task<HlRun> InProcessAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Hl.RunAsync(args, new AuditorConsole(stdout, stderr, ErrorIsTerminal: false));
        return new HlRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The test input at <paramref name="path"/> under testdata, as an argument.</summary>
    public static string Input(string path) => CliTestData.PathOf(path.Split('/'));

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
