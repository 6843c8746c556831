using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// Produces the golden files under testdata/chains and testdata/checkpoints from <see cref="ChainSamples"/> and
/// the fixed keys: the valid chain, one chain per mutation (named after it) with the <c>/verify</c> answer each
/// should get, and signed checkpoints of the valid chain, good and mutated. ES256 signatures are randomised, so
/// regenerating changes signature bytes only; <see cref="ChainGoldenFileTests"/> compares everything else.
/// </summary>
internal static class ChainGoldenFiles
{
    public static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every golden chain by file name (without <c>.jsonl</c>).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<Block>>> ChainsAsync()
    {
        using var key = ChainSamples.SigningKey();
        using var other = ChainSamples.OtherKey();
        var valid = await ChainSamples.SealAsync(key);
        var headAfterBlock1 = ChainHead.After(ChainHead.After(null, valid[0]), valid[1]);
        var last = valid[2];
        var redelivered = ChainSamples.History()[0][1];

        return new Dictionary<string, IReadOnlyList<Block>>(StringComparer.Ordinal)
        {
            ["valid"] = valid,
            ["tampered-tx-data"] = Replace(valid, 1, TamperSerialNumber(valid[1])),
            ["reordered-blocks"] = [valid[0], valid[2], valid[1]],
            ["wrong-previous-hash"] = Replace(valid, 2, await ChainSamples.SignAsync(Rewrite(last.Header, previousHash: valid[0].Header.Hash()), last.Transactions, key)),
            ["bad-signature"] = Replace(valid, 1, FlipSignatureBit(valid[1])),
            ["unknown-kid"] = Replace(valid, 2, await BlockSealer.SealAsync(ChainSamples.Chain, headAfterBlock1, last.Transactions, last.Header.SealedAt, other)),
            ["duplicate-event-id"] = Replace(valid, 2, await BlockSealer.SealAsync(
                ChainSamples.Chain,
                headAfterBlock1,
                [last.Transactions[0], new LedgerTransaction(redelivered.Type, redelivered.Chain, redelivered.EventId, redelivered.OccurredAt, last.Header.SealedAt, redelivered.Actor, redelivered.Subject, redelivered.Data)],
                last.Header.SealedAt,
                key)),
            ["wrong-txcount"] = Replace(valid, 2, await ChainSamples.SignAsync(Rewrite(last.Header, txCount: last.Header.TxCount + 1), last.Transactions, key)),
            ["wrong-merkle-root"] = Replace(valid, 2, await ChainSamples.SignAsync(Rewrite(last.Header, merkleRoot: valid[1].Header.MerkleRoot), last.Transactions, key)),
        };
    }

    /// <summary>Every golden checkpoint note by file name (without <c>.note</c>), all of the valid chain.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CheckpointsAsync(IReadOnlyList<Block> validChain)
    {
        using var key = ChainSamples.SigningKey();
        using var other = ChainSamples.OtherKey();
        var leaves = validChain.SelectMany(b => b.LeafHashes()).ToList();
        var root = Rfc6962.RootHash(leaves);
        var valid = await CheckpointSigner.SignAsync(ChainSamples.Chain, leaves.Count, root, key);
        var signatureLine = valid[(valid.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)..];
        var witness = await CheckpointSigner.SignAsync(ChainSamples.Chain, leaves.Count, root, other);
        var firstBlockLeaves = validChain[0].LeafHashes();

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["valid"] = valid,
            ["first-block"] = await CheckpointSigner.SignAsync(ChainSamples.Chain, firstBlockLeaves.Count, Rfc6962.RootHash(firstBlockLeaves), key),
            ["cosigned-by-unknown-key"] = valid + witness[(witness.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..],
            ["wrong-size"] = Checkpoint.ForChain(ChainSamples.Chain, leaves.Count - 1, root).ToNoteText() + signatureLine,
            ["wrong-root"] = Checkpoint.ForChain(ChainSamples.Chain, leaves.Count, Rfc6962.RootHash(leaves[..^1])).ToNoteText() + signatureLine,
            ["wrong-origin"] = Checkpoint.ForChain("assoc_elsewhere", leaves.Count, root).ToNoteText() + signatureLine,
            ["bad-signature"] = FlipLastSignatureByte(valid),
            ["unknown-key"] = witness,
        };
    }

    /// <summary>The chain's export: one block a line.</summary>
    public static string ExportOf(IEnumerable<Block> blocks) => string.Concat(blocks.Select(b => b.ToExportLine() + "\n"));

    /// <summary>The <c>/verify</c> answer as the golden <c>.verify.json</c> files hold it.</summary>
    public static string VerifyFileOf(ChainVerification result) => result.ToJson().ToJsonString(Readable) + "\n";

    public static string VerifierKeyFile()
    {
        using var key = ChainSamples.SigningKey();
        return CheckpointKey.VerifierKey(ChainSamples.Chain, key.GetPublicKeyAsync().Result) + "\n";
    }

    public static string JwksFile() => ChainSamples.PublishedKeys().ToJson().ToJsonString(Readable) + "\n";

    private static IReadOnlyList<Block> Replace(IReadOnlyList<Block> chain, int height, Block replacement) =>
        [.. chain.Select((block, i) => i == height ? replacement : block)];

    private static BlockHeader Rewrite(BlockHeader header, string? previousHash = null, string? merkleRoot = null, int? txCount = null) =>
        new(header.Chain, header.Height, previousHash ?? header.PreviousHash, merkleRoot ?? header.MerkleRoot, txCount ?? header.TxCount, header.SealedAt, header.Kid);

    /// <summary>The completion evidence names another oven: the kind of change an auditor must catch.</summary>
    private static Block TamperSerialNumber(Block block)
    {
        var completed = block.Transactions[1];
        var data = completed.Data;
        data["serialNumber"] = "BX-600-99999";
        var tampered = new LedgerTransaction(completed.Type, completed.Chain, completed.EventId, completed.OccurredAt, completed.RecordedAt, completed.Actor, completed.Subject, data);
        return new Block(block.Header, block.Signature, block.Transactions.Select((t, i) => i == 1 ? tampered : t));
    }

    private static Block FlipSignatureBit(Block block)
    {
        var signature = Base64Url.DecodeFromChars(block.Signature);
        signature[10] ^= 0x01;
        return new Block(block.Header, Base64Url.EncodeToString(signature), block.Transactions);
    }

    private static string FlipLastSignatureByte(string note)
    {
        var lineStart = note.LastIndexOf("\n\n", StringComparison.Ordinal) + 2;
        var parts = note[lineStart..^1].Split(' ');
        var signature = Convert.FromBase64String(parts[2]);
        signature[^1] ^= 0x01;
        return $"{note[..lineStart]}{parts[0]} {parts[1]} {Convert.ToBase64String(signature)}\n";
    }
}
