using System.Collections.Concurrent;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.State;
using HousingLedger.Ledger;

namespace HousingLedger.Functions.Api;

/// <summary>
/// Each chain's signed checkpoint, made once per chain head in this process and served again until the chain
/// grows: the root comes from the tree's peaks kept on the head row, but the signature is a Key Vault call in
/// Azure, and auditors and monitors poll checkpoints. A note stays valid after a key rotation, because retired
/// keys stay published. Thread-safe.
/// </summary>
public sealed class Checkpoints(TableLedgerStore ledger, ISigningKey signingKey, CosignatureStore cosignatures)
{
    private readonly ConcurrentDictionary<string, SignedCheckpoint> latest = new(StringComparer.Ordinal);

    /// <summary>
    /// The C2SP signed note of <paramref name="chain"/> as its head stands now (size 0 before its first block), with the
    /// cosignatures witnesses have given that checkpoint.
    /// </summary>
    public async Task<string> GetAsync(string chain, CancellationToken cancellationToken)
    {
        var current = await SignedAsync(chain, cancellationToken);
        var cosigned = new List<NoteSignature>();
        await foreach (var line in cosignatures.ListAsync(current.Checkpoint, cancellationToken))
        {
            cosigned.Add(line);
        }

        return cosigned.Count == 0 ? current.Note : SignedNote.Parse(current.Note, out _)!.ToNote(cosigned);
    }

    private async Task<SignedCheckpoint> SignedAsync(string chain, CancellationToken cancellationToken)
    {
        var head = await ledger.GetHeadAsync(chain, cancellationToken);
        if (latest.TryGetValue(chain, out var cached) && cached.BlockHash == head?.Head.BlockHash)
        {
            return cached;
        }

        var tree = await ledger.TreeAsync(head, cancellationToken);
        var root = tree.RootHash();
        var note = await CheckpointSigner.SignAsync(chain, tree.Size, root, signingKey, cancellationToken);
        return latest[chain] = new SignedCheckpoint(head?.Head.BlockHash, Checkpoint.ForChain(chain, tree.Size, root), note);
    }

    private sealed record SignedCheckpoint(string? BlockHash, Checkpoint Checkpoint, string Note);
}
