using System.CommandLine;
using HousingLedger.Cli.Inputs;
using HousingLedger.Cli.Output;
using HousingLedger.Ledger;

namespace HousingLedger.Cli.Commands;

/// <summary><c>hl checkpoint CHECKPOINT --jwks JWKS [--export EXPORT]</c>: a signed checkpoint, and that it matches an export.</summary>
internal static class CheckpointCommand
{
    public static Command Create(AuditorConsole console)
    {
        var checkpoint = CommonSymbols.File("CHECKPOINT", "The signed checkpoint note (GET /api/ledger/{chain}/checkpoint).");
        var jwks = CommonSymbols.Jwks(required: true);
        var export = new Option<string?>("--export")
        {
            Description = "The chain's export: it must verify, and its tree size and root must be the checkpoint's.",
            HelpName = "EXPORT",
        };
        var witnesses = new Option<string?>("--witness")
        {
            Description = "Witnesses' verifier keys, one a line: each must have cosigned the checkpoint (C2SP tlog-cosignature, Ed25519).",
            HelpName = "KEYS",
        };
        var command = new Command(
            "checkpoint",
            "Checks a C2SP signed checkpoint: signed by a published key; with --export, that the export verifies and has the checkpoint's tree size and root; with --witness, that each witness cosigned it.")
        {
            checkpoint, jwks, export, witnesses,
        };
        command.SetAction((parsed, cancellationToken) =>
            RunAsync(console, parsed.GetValue(checkpoint)!, parsed.GetValue(jwks)!, parsed.GetValue(export), parsed.GetValue(witnesses), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        AuditorConsole console, string notePath, string jwksPath, string? exportPath, string? witnessKeysPath, CancellationToken cancellationToken)
    {
        var keys = await PublishedKeys.ReadAsync(jwksPath, cancellationToken);
        if (keys.Value is not { } jwks)
        {
            return (int)Verdict.NotLoaded(console, keys);
        }

        var witnesses = witnessKeysPath is null ? null : await WitnessCosignatures.ReadKeysAsync(witnessKeysPath, cancellationToken);
        if (witnesses is { Value: null })
        {
            return (int)Verdict.NotLoaded(console, witnesses);
        }

        var loaded = await CheckpointNotes.ReadAsync(notePath, "checkpoint", jwks, cancellationToken);
        if (loaded.Value is not { } checkpoint)
        {
            return (int)Verdict.NotLoaded(console, loaded);
        }

        if (witnesses?.Value is { } trusted)
        {
            var note = (await InputFile.ReadTextAsync(notePath, "checkpoint", underAudit: true, cancellationToken)).Value!;
            if (WitnessCosignatures.FirstMissing(note, trusted, DateTimeOffset.UtcNow) is { } missing)
            {
                return (int)Verdict.Fails(console, $"checkpoint {CheckpointNotes.Describe(checkpoint)}: {missing}");
            }
        }

        var cosigned = witnesses?.Value is { } all ? $", and cosigned by {string.Join(", ", all.Select(w => w.Name))}" : string.Empty;
        if (exportPath is null)
        {
            return (int)Verdict.Holds(console, $"checkpoint {CheckpointNotes.Describe(checkpoint)}: signed by a published key{cosigned}");
        }

        using var verifier = new ChainVerifier(checkpoint.Chain, jwks.Find);
        var verified = await ExportVerification.RunAsync(console, exportPath, verifier, cancellationToken);
        if (verified.Value is not { } result)
        {
            return (int)Verdict.NotLoaded(console, verified);
        }

        if (!result.Valid)
        {
            return (int)Verdict.Fails(console, $"export '{exportPath}' does not verify, so it cannot match the checkpoint: {ExportVerification.DescribeFailure(verifier)}");
        }

        var exported = Checkpoint.ForChain(checkpoint.Chain, verifier.TreeSize, verifier.RootHash());
        return (int)(exported == checkpoint
            ? Verdict.Holds(console, $"checkpoint {CheckpointNotes.Describe(checkpoint)}: signed by a published key, and the export verifies to the same tree size and root{cosigned}")
            : Verdict.Fails(console, $"checkpoint does not match the export: expected the export to have the checkpoint's tree size {checkpoint.TreeSize} and root {Convert.ToBase64String(checkpoint.RootHash)}, found tree size {exported.TreeSize} and root {Convert.ToBase64String(exported.RootHash)}"));
    }
}
