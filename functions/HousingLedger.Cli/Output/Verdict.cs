using HousingLedger.Cli.Inputs;

namespace HousingLedger.Cli.Output;

/// <summary>
/// The verdict is the tool's data, so it goes to stdout: <c>OK …</c> when everything holds, <c>FAILED …</c> naming
/// the first thing that does not. Only usage problems go to stderr.
/// </summary>
internal static class Verdict
{
    public static ExitCode Holds(AuditorConsole console, string what)
    {
        console.Out.WriteLine($"OK {what}");
        return ExitCode.Holds;
    }

    public static ExitCode Fails(AuditorConsole console, string why)
    {
        console.Out.WriteLine($"FAILED {why}");
        return ExitCode.Fails;
    }

    /// <summary>Reports a file that could not be loaded: a corrupt file under audit fails; anything else is a usage problem.</summary>
    public static ExitCode NotLoaded<T>(AuditorConsole console, Loaded<T> loaded)
        where T : class =>
        loaded.Code == ExitCode.Fails ? Fails(console, loaded.Problem!) : console.Problem(loaded.Code, loaded.Problem!);
}
