using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// An export to measure verifying: blocks of 98 transactions, as the appender writes them, each a
/// <c>job.completed</c> of about 340 bytes, signed by a new key; and the JWKS that publishes the key.
/// </summary>
internal static class SampleExport
{
    private const int TransactionsPerBlock = 98;

    /// <summary>Writes an export of <paramref name="transactions"/> transactions to <paramref name="exportPath"/>, and returns the keys that verify it.</summary>
    public static async Task<Jwks> WriteAsync(string exportPath, int transactions)
    {
        using var key = EcdsaSigningKey.Create();
        await using var file = new StreamWriter(exportPath);
        ChainHead? head = null;
        var monday = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        for (var first = 0; first < transactions; first += TransactionsPerBlock)
        {
            var block = await BlockSealer.SealAsync(
                "assoc_riverside",
                head,
                [.. Enumerable.Range(first, Math.Min(TransactionsPerBlock, transactions - first)).Select(i => Completed(i, monday))],
                monday.AddSeconds(first + TransactionsPerBlock),
                key);
            head = ChainHead.After(head, block);
            await file.WriteAsync(block.ToExportLine() + "\n");
        }

        return new Jwks([await key.GetPublicKeyAsync()]);
    }

    private static LedgerTransaction Completed(int index, DateTimeOffset monday) => new(
        "job.completed",
        "assoc_riverside",
        $"msg_complete_{index:D8}",
        monday.AddSeconds(index),
        monday.AddSeconds(index).AddMilliseconds(250),
        "supplier:sup_brightfix",
        $"job:job_{index:D8}",
        new JsonObject
        {
            ["serialNumber"] = $"BX-600-{index:D8}",
            ["photoHashes"] = new JsonArray("5d41402abc4b2a76b9719d911017c592ae1b2b0c6e0f2a4d3c8c1b0e5a7d6f4b"),
        });
}
