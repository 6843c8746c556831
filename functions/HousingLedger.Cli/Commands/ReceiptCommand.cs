using System.CommandLine;
using HousingLedger.Cli.Inputs;
using HousingLedger.Cli.Output;
using HousingLedger.Ledger;

namespace HousingLedger.Cli.Commands;

/// <summary><c>hl receipt RECEIPT --jwks JWKS</c>: one transaction's receipt, on its own.</summary>
internal static class ReceiptCommand
{
    public static Command Create(AuditorConsole console)
    {
        var receipt = CommonSymbols.File("RECEIPT", "The receipt (GET /api/ledger/{chain}/receipts/{eventId}).");
        var jwks = CommonSymbols.Jwks(required: true);
        var command = new Command(
            "receipt",
            "Checks that a transaction is in a block signed by a published key: its inclusion proof leads to the block's Merkle root, and the block's signature holds.")
        {
            receipt, jwks,
        };
        command.SetAction((parsed, cancellationToken) =>
            RunAsync(console, parsed.GetValue(receipt)!, parsed.GetValue(jwks)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AuditorConsole console, string receiptPath, string jwksPath, CancellationToken cancellationToken)
    {
        var keys = await PublishedKeys.ReadAsync(jwksPath, cancellationToken);
        if (keys.Value is not { } jwks)
        {
            return (int)Verdict.NotLoaded(console, keys);
        }

        var loaded = await JsonFile.ReadAsync(receiptPath, "receipt", underAudit: true, Receipt.FromJson, cancellationToken);
        if (loaded.Value is not { } receipt)
        {
            return (int)Verdict.NotLoaded(console, loaded);
        }

        var result = ReceiptVerifier.Verify(receipt, jwks.Find);
        var which = $"receipt for event {receipt.Tx.EventId} (chain {receipt.Tx.Chain}, block {receipt.Header.Height}, leaf {receipt.LeafIndex})";
        return (int)(result.Valid
            ? Verdict.Holds(console, $"{which}: the transaction is in the block, whose hash {receipt.Header.Hash()} is signed by key '{receipt.Header.Kid}'")
            : Verdict.Fails(console, $"{which}: {result.Reason}"));
    }
}
