using System.Collections.Concurrent;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Ledger;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Each chain's signed checkpoint, made once per chain head in this process and served again until the chain
/// grows: a checkpoint costs a walk over the whole chain and a signature (a Key Vault call in Azure), and auditors
/// and monitors poll it. A note stays valid after a key rotation, because retired keys stay published. Thread-safe.
/// </summary>
public sealed class Checkpoints(TableLedgerStore ledger, ISigningKey signingKey)
{
    private readonly ConcurrentDictionary<string, SignedCheckpoint> latest = new(StringComparer.Ordinal);

    /// <summary>The C2SP signed note of <paramref name="chain"/> as its head stands now (size 0 before its first block).</summary>
    public async Task<string> GetAsync(string chain, CancellationToken cancellationToken)
    {
        var head = (await ledger.GetHeadAsync(chain, cancellationToken))?.Head;
        if (latest.TryGetValue(chain, out var cached) && cached.BlockHash == head?.BlockHash)
        {
            return cached.Note;
        }

        // Only up to the head just read, so the note is exactly that head's even if a block lands meanwhile.
        var tree = new MerkleAccumulator();
        if (head is not null)
        {
            await foreach (var block in ledger.ReadBlocksAsync(chain, 0, head.Height, cancellationToken))
            {
                foreach (var leaf in block.LeafHashes())
                {
                    tree.Append(leaf);
                }
            }
        }

        var note = await CheckpointSigner.SignAsync(chain, tree.Size, tree.RootHash(), signingKey, cancellationToken);
        latest[chain] = new SignedCheckpoint(head?.BlockHash, note);
        return note;
    }

    private sealed record SignedCheckpoint(string? BlockHash, string Note);
}
