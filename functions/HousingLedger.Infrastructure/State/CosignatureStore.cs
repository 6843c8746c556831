using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Witnesses' cosignatures of a chain's checkpoints, in the chain's state partition as rows
/// <c>cosignature|{tree size}|{root hex}|{witness key id hex}</c>, each holding the signature line. A witness's line for
/// a checkpoint is kept once; the checkpoint route serves the lines of the checkpoint it serves.
/// </summary>
public sealed class CosignatureStore(StateStore state)
{
    private const string Prefix = "cosignature|";

    /// <summary>Keeps <paramref name="line"/> as a cosignature of <paramref name="checkpoint"/>; a witness's first line for it stands.</summary>
    public async Task KeepAsync(Checkpoint checkpoint, NoteSignature line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(line);
        // A witness's name is a URL, with characters a row key may not hold, so it is keyed by a hash of it.
        var witness = Convert.ToHexStringLower(line.KeyId) + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line.KeyName)))[..16];
        await state.TryCreateAsync(checkpoint.Chain, CheckpointPrefix(checkpoint) + witness, new JsonObject { ["line"] = line.ToLine() }, cancellationToken);
    }

    /// <summary>Every cosignature kept for <paramref name="checkpoint"/>.</summary>
    public async IAsyncEnumerable<NoteSignature> ListAsync(Checkpoint checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await foreach (var (_, row) in state.ListAsync(checkpoint.Chain, CheckpointPrefix(checkpoint), cancellationToken))
        {
            if (SignedNote.ReadSignatures((string)row.Document["line"]!, out _) is [var line])
            {
                yield return line;
            }
        }
    }

    private static string CheckpointPrefix(Checkpoint checkpoint) =>
        Prefix + checkpoint.TreeSize.ToString("D19", CultureInfo.InvariantCulture) + "|" + Convert.ToHexStringLower(checkpoint.RootHash) + "|";
}
