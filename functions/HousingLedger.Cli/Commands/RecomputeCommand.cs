using System.CommandLine;
using System.Globalization;
using HousingLedger.Audit;
using HousingLedger.Cli.Inputs;
using HousingLedger.Cli.Output;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Cli.Commands;

/// <summary>
/// <c>hl recompute EXPORT… --jwks JWKS [--fee-per-job-pence N]</c>: re-derives every <c>job.settled</c> figure from the
/// terms and jobs on the chains given, and reports each difference. Each export is verified first, since recomputing
/// trusts that it is the chain the service signed.
/// </summary>
internal static class RecomputeCommand
{
    public static Command Create(AuditorConsole console)
    {
        var exports = new Argument<string[]>("EXPORT")
        {
            Description = "Chain exports (GET /api/ledger/{chain}/export): the association's own, and, to check pooled volume and lateness, those of every association sharing its contracts.",
            Arity = ArgumentArity.OneOrMore,
        };
        var jwks = CommonSymbols.Jwks(required: true);
        var fee = new Option<long?>("--fee-per-job-pence")
        {
            Description = "The operator's fee per settled job; without it, the fees of one run must agree with one another.",
            HelpName = "PENCE",
        };
        fee.Validators.Add(option =>
        {
            if (option.GetValueOrDefault<long?>() is < 0)
            {
                option.AddError("--fee-per-job-pence: expected a whole number of pence from 0 up");
            }
        });
        var command = new Command(
            "recompute",
            "Re-derives every job.settled figure (gross, discount, penalty, net, VAT, payable, fee) from the contract terms and jobs on the chains given, and every closed fee statement (count, total, hash), and reports each difference.")
        {
            exports, jwks, fee,
        };
        command.SetAction((parsed, cancellationToken) =>
            RunAsync(console, parsed.GetValue(exports)!, parsed.GetValue(jwks)!, parsed.GetValue(fee), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AuditorConsole console, string[] exportPaths, string jwksPath, long? feePence, CancellationToken cancellationToken)
    {
        var keys = await PublishedKeys.ReadAsync(jwksPath, cancellationToken);
        if (keys.Value is not { } jwks)
        {
            return (int)Verdict.NotLoaded(console, keys);
        }

        foreach (var path in exportPaths)
        {
            using var verifier = new ChainVerifier(jwks.Find);
            var verified = await ExportVerification.RunAsync(console, path, verifier, cancellationToken);
            if (verified.Value is not { } result)
            {
                return (int)Verdict.NotLoaded(console, verified);
            }

            if (!result.Valid)
            {
                return (int)Verdict.Fails(console, $"export '{path}' does not verify, so nothing on it can be recomputed: {ExportVerification.DescribeFailure(verifier)}");
            }
        }

        // Verified, so every line is a block within the line cap, and each file is read again one line at a time.
        var outcome = Recompute.Run(exportPaths.Select(Transactions), Recompute.Checks(feePence is { } pence ? Money.FromPence(pence) : null));
        foreach (var finding in outcome.Findings)
        {
            console.Out.WriteLine(finding.Describe());
        }

        var checkedAll = string.Create(CultureInfo.InvariantCulture, $"{outcome.SettlementsChecked} job.settled on {exportPaths.Length} export{(exportPaths.Length == 1 ? string.Empty : "s")}");
        return (int)(outcome switch
        {
            RecomputeOutcome.AllHold => Verdict.Holds(console, $"{checkedAll}: every figure is what the terms and jobs on the chains give"),
            RecomputeOutcome.NotAllChecked => Verdict.Fails(console, $"{checkedAll}: no figure differs, but {outcome.Findings.Count} could not be checked (above); give the exports they need"),
            _ => Verdict.Fails(console, $"{checkedAll}: {outcome.Findings.Count} finding{(outcome.Findings.Count == 1 ? string.Empty : "s")} (above)"),
        });
    }

    private static IEnumerable<LedgerTransaction> Transactions(string path) =>
        File.ReadLines(path).Where(line => line.Length > 0).SelectMany(line => Block.FromExportLine(line).Value.Transactions);
}
