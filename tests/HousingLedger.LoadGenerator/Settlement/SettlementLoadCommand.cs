using System.CommandLine;

namespace HousingLedger.LoadGenerator.Settlement;

/// <summary><c>settlement</c>: one contract year seeded into a private Azurite, settled in this process and measured.</summary>
internal sealed class SettlementLoadCommand : Command
{
    private readonly Option<int> settled = CommonOptions.NoneOrMore("--settled", "Jobs approved and settled earlier in the contract year.", 100_000);
    private readonly Option<int> payable = CommonOptions.Positive("--payable", 1_000, "Jobs approved since and not yet settled, paid by the run.");

    public SettlementLoadCommand()
        : base("settlement", "Seeds one contract's jobs straight into a private Azurite, runs the service's settlement in this process, and reports its time and memory.")
    {
        Options.Add(settled);
        Options.Add(payable);

        // Exit codes: 0 every payable job was paid exactly once and nothing else; 1 it was not so; 2 it could not start.
        SetAction((parsed, cancellationToken) => LoadCommandLine.RunAsync(
            parsed,
            output => SettlementLoadRun.RunAsync(Bind(parsed), output, cancellationToken),
            ex => ex is SetupFailedException or OperationCanceledException));
    }

    /// <summary>The run a command line that parsed asks for.</summary>
    public SettlementLoadOptions Bind(ParseResult parsed) => new(parsed.GetValue(settled), parsed.GetValue(payable));
}
