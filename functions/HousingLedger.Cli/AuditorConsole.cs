namespace HousingLedger.Cli;

/// <summary>
/// Where <c>hl</c> writes: the verdict to <see cref="Out"/> (stdout), diagnostics and progress to
/// <see cref="Error"/> (stderr). Progress is shown only when stderr is a terminal, so logs and pipes stay clean.
/// </summary>
internal sealed record AuditorConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    public static AuditorConsole Standard() => new(Console.Out, Console.Error, !Console.IsErrorRedirected);

    /// <summary>A diagnostic line, prefixed with the tool's name as command-line tools do.</summary>
    public ExitCode Problem(ExitCode code, string message)
    {
        Error.WriteLine($"hl: {message}");
        return code;
    }
}
