using System.CommandLine;
using HousingLedger.Cli.Commands;

namespace HousingLedger.Cli;

/// <summary>The <c>hl</c> command line: its commands, and the exit code for a command line that does not parse.</summary>
internal static class Hl
{
    /// <summary>Runs <c>hl</c> with <paramref name="args"/>; tests call this in process with captured writers.</summary>
    public static async Task<int> RunAsync(string[] args, AuditorConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Verifies a HousingLedger chain's exports, receipts, checkpoints and consistency proofs offline, with the published keys alone, and recomputes its payments.")
        {
            VerifyCommand.Create(console),
            ReceiptCommand.Create(console),
            CheckpointCommand.Create(console),
            ConsistencyCommand.Create(console),
            RecomputeCommand.Create(console),
            WitnessKeyCommand.Create(console),
            WitnessCommand.Create(console),
        };

        // Help names the tool as the auditor types it, also when it runs inside another process (tests, dotnet run).
        root.HelpName = "hl";
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine answers 1 for a command line it cannot parse; an auditor's script reads 1 as
            // "does not verify", so a usage error must be 2.
            foreach (var error in parsed.Errors)
            {
                console.Problem(ExitCode.Usage, error.Message);
            }

            console.Error.WriteLine($"Run '{string.Join(' ', ["hl", .. CommandPath(parsed)])} --help' for usage.");
            return (int)ExitCode.Usage;
        }

        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed) =>
        parsed.CommandResult.Command is RootCommand ? [] : [parsed.CommandResult.Command.Name];
}
