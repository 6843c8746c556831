using System.CommandLine;
using HousingLedger.Cli.Inputs;
using HousingLedger.Cli.Output;
using HousingLedger.Ledger;

namespace HousingLedger.Cli.Commands;

/// <summary><c>hl consistency OLD NEW PROOF [--jwks JWKS]</c>: that the newer checkpoint's tree extends the older one's.</summary>
internal static class ConsistencyCommand
{
    public static Command Create(AuditorConsole console)
    {
        var old = CommonSymbols.File("OLD", "The older signed checkpoint note.");
        var @new = CommonSymbols.File("NEW", "The newer signed checkpoint note, of the same chain.");
        var proof = CommonSymbols.File("PROOF", "The consistency proof between them (GET /api/ledger/{chain}/consistency?from=&to=).");
        var jwks = CommonSymbols.Jwks(required: false);
        jwks.Description = "The published keys; when given, both checkpoints must be signed by one of them.";
        var command = new Command(
            "consistency",
            "Checks an RFC 6962 consistency proof: NEW's tree extends OLD's, so the service has not rewritten the history OLD showed.")
        {
            old, @new, proof, jwks,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            console, parsed.GetValue(old)!, parsed.GetValue(@new)!, parsed.GetValue(proof)!, parsed.GetValue(jwks), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        AuditorConsole console, string oldPath, string newPath, string proofPath, string? jwksPath, CancellationToken cancellationToken)
    {
        Jwks? jwks = null;
        if (jwksPath is not null)
        {
            var keys = await PublishedKeys.ReadAsync(jwksPath, cancellationToken);
            if (keys.Value is null)
            {
                return (int)Verdict.NotLoaded(console, keys);
            }

            jwks = keys.Value;
        }

        var older = await CheckpointNotes.ReadAsync(oldPath, "OLD", jwks, cancellationToken);
        var newer = await CheckpointNotes.ReadAsync(newPath, "NEW", jwks, cancellationToken);
        var answer = await ConsistencyProofFile.ReadAsync(proofPath, cancellationToken);

        // A usage problem (a path that cannot be read) outranks a corrupt file: until every file is read, nothing is checked.
        var problem = new[] { older.As<object>(), newer.As<object>(), answer.As<object>() }.Where(loaded => loaded.Problem is not null).MaxBy(loaded => loaded.Code);
        if (problem is not null)
        {
            return (int)Verdict.NotLoaded(console, problem);
        }

        var (from, to) = (older.Value!, newer.Value!);
        var fault = ConsistencyCheck.FindFault(from, to, answer.Value!);
        var signed = jwks is null ? "signatures not checked (no --jwks)" : "both signed by a published key";
        return (int)(fault is null
            ? Verdict.Holds(console, $"{to.Origin}: the tree of size {to.TreeSize} extends the tree of size {from.TreeSize}; {signed}")
            : Verdict.Fails(console, $"{from.Origin}: {fault}"));
    }
}
