using System.CommandLine;
using HousingLedger.LoadGenerator.Faults;
using HousingLedger.LoadGenerator.Settlement;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The generator's command line: the load run with no command word, and the fault and settlement runs as commands.
/// Every command exits 0 when what it checks held, 1 when it did not, and 2 when it could not start (a command line
/// that does not parse included).
/// </summary>
internal static class LoadCommandLine
{
    /// <summary>The commands; <paramref name="environment"/> reads the variables that stand in for options not given.</summary>
    public static RootCommand Create(Func<string, string?> environment) => new LoadCommand(environment)
    {
        new FaultCommand(FaultOptions.Crash, environment),
        new FaultCommand(FaultOptions.AzuriteRestart, environment),
        new FaultCommand(FaultOptions.TwoHosts, environment),
        new InputFaultCommand(InputFaultCommand.Fuzz, environment),
        new InputFaultCommand(InputFaultCommand.Duplicates, environment),
        new InputFaultCommand(InputFaultCommand.Poison, environment),
        new SettlementLoadCommand(),
    };

    /// <summary>Runs the command <paramref name="args"/> name, reporting to <paramref name="output"/>; tests call it in process.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = Create(environment).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine answers 1 for a command line it cannot parse, which here reads as "did not hold": its
            // error action still writes the errors and the command's help, but to stderr, and the answer is 2.
            await parsed.InvokeAsync(new InvocationConfiguration { Output = error, Error = error }, cancellationToken);
            return 2;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                Output = output,
                Error = error,

                // A run that fails in a way it does not expect throws as it always did, rather than answering
                // System.CommandLine's 1, which would read as "did not hold".
                EnableDefaultExceptionHandler = false,

                // Ctrl+C cancels cancellationToken, and the run reports that it stopped; System.CommandLine does not end the process.
                ProcessTerminationTimeout = null,
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs a command's run with the invocation's writers; an exception <paramref name="couldNotStart"/> accepts means the
    /// run could not start (or was stopped), so it is reported and the answer is 2.
    /// </summary>
    internal static async Task<int> RunAsync(ParseResult parsed, Func<TextWriter, Task<int>> run, Func<Exception, bool> couldNotStart)
    {
        try
        {
            return await run(parsed.InvocationConfiguration.Output);
        }
        catch (Exception ex) when (couldNotStart(ex))
        {
            await parsed.InvocationConfiguration.Error.WriteLineAsync($"load generator: {ex.Message}");
            return 2;
        }
    }
}
