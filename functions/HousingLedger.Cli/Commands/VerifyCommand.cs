using System.CommandLine;
using HousingLedger.Cli.Inputs;
using HousingLedger.Cli.Output;
using HousingLedger.Ledger;

namespace HousingLedger.Cli.Commands;

/// <summary><c>hl verify EXPORT --jwks JWKS</c>: a whole chain export, streamed, block by block.</summary>
internal static class VerifyCommand
{
    public static Command Create(AuditorConsole console)
    {
        var export = CommonSymbols.File("EXPORT", "The chain export (GET /api/ledger/{chain}/export): one block a line.");
        var jwks = CommonSymbols.Jwks(required: true);
        var chain = new Option<string?>("--chain")
        {
            Description = "The chain the export must be; by default, the chain its first block names.",
            HelpName = "CHAIN",
        };
        chain.Validators.Add(option => CommonSymbols.MustNameAChain(option, "--chain", option.GetValueOrDefault<string?>()));
        var command = new Command(
            "verify",
            "Checks every block's signature, hash link and Merkle root, and every transaction, reading the export as a stream; names the first block or transaction that fails.")
        {
            export, jwks, chain,
        };
        command.SetAction((parsed, cancellationToken) =>
            RunAsync(console, parsed.GetValue(export)!, parsed.GetValue(jwks)!, parsed.GetValue(chain), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AuditorConsole console, string exportPath, string jwksPath, string? chain, CancellationToken cancellationToken)
    {
        var keys = await PublishedKeys.ReadAsync(jwksPath, cancellationToken);
        if (keys.Value is not { } jwks)
        {
            return (int)Verdict.NotLoaded(console, keys);
        }

        using var verifier = chain is null ? new ChainVerifier(jwks.Find) : new ChainVerifier(chain, jwks.Find);
        var verified = await ExportVerification.RunAsync(console, exportPath, verifier, cancellationToken);
        if (verified.Value is not { } result)
        {
            return (int)Verdict.NotLoaded(console, verified);
        }

        return (int)(result.Valid
            ? Verdict.Holds(console, ExportVerification.Describe(verifier))
            : Verdict.Fails(console, ExportVerification.DescribeFailure(verifier)));
    }
}
