using Azure.Data.Tables;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Ledger;

/// <summary>
/// Consistency proofs between two tree sizes of a chain, read from the blocks that hold the leaves added between
/// them rather than from the whole chain. Each block row keeps the peaks of the tree it extends, so a proof from
/// size m needs only the block holding leaf m and those after it up to the new size, found by a binary search on
/// the block rows' first leaf indexes (a few small point reads).
/// </summary>
public sealed partial class TableLedgerStore
{
    private static readonly string[] BoundaryColumns = [FirstLeafIndex, PeaksBefore];

    /// <summary>
    /// The RFC 6962 consistency proof from the chain's first <paramref name="fromSize"/> transactions to its first
    /// <paramref name="toSize"/>, where <paramref name="head"/> is the chain's head now. Empty when fromSize is 0 or
    /// equals toSize: RFC 9162 defines a proof only for 0 &lt; m &lt; n, and every tree extends the empty one and itself.
    /// Blocks written before their rows kept peaks are read from the chain's first block instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ fromSize ≤ toSize ≤ the head's transaction count.</exception>
    public async Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(ChainHead head, long fromSize, long toSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentOutOfRangeException.ThrowIfNegative(fromSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(toSize, fromSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toSize, head.TxCount);
        if (fromSize == 0 || fromSize == toSize)
        {
            return [];
        }

        var first = await BoundaryHoldingAsync(head.Chain, fromSize, 0, head.Height, cancellationToken);
        var last = toSize == head.TxCount ? head.Height : (await BoundaryHoldingAsync(head.Chain, toSize - 1, first.Height, head.Height, cancellationToken)).Height;
        var (tree, start) = first.PeaksBefore is { } peaks
            ? (MerkleAccumulator.Resume(first.FirstLeafIndex, peaks), first.Height)
            : (new MerkleAccumulator(), 0L);

        var newLeaves = new List<byte[]>();
        var leafIndex = tree.Size;
        await foreach (var block in ReadBlocksAsync(head.Chain, start, last, cancellationToken))
        {
            foreach (var leaf in block.LeafHashes())
            {
                if (leafIndex < fromSize)
                {
                    tree.Append(leaf);
                }
                else if (leafIndex < toSize)
                {
                    newLeaves.Add(leaf);
                }

                leafIndex++;
            }
        }

        return Rfc6962.ConsistencyProof(fromSize, tree.Peaks, newLeaves);
    }

    /// <summary>The block row among heights <paramref name="low"/>…<paramref name="high"/> that holds leaf <paramref name="leafIndex"/>: the last one whose first leaf is not after it.</summary>
    private async Task<BlockBoundary> BoundaryHoldingAsync(string chain, long leafIndex, long low, long high, CancellationToken cancellationToken)
    {
        BlockBoundary? found = null;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            var boundary = await ReadBoundaryAsync(chain, middle, cancellationToken);
            if (boundary.FirstLeafIndex <= leafIndex)
            {
                (low, found) = (middle, boundary);
            }
            else
            {
                high = middle - 1;
            }
        }

        return found ?? await ReadBoundaryAsync(chain, low, cancellationToken);
    }

    private async Task<BlockBoundary> ReadBoundaryAsync(string chain, long height, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, BlockKey(height), BoundaryColumns, cancellationToken);
        var row = response.HasValue ? response.Value! : throw new InvalidDataException($"Block row {chain}/{BlockKey(height)} is missing below the head.");
        var firstLeafIndex = row.GetInt64(FirstLeafIndex) ?? throw new InvalidDataException($"Block row {chain}/{BlockKey(height)} has no {FirstLeafIndex}.");
        return new BlockBoundary(height, firstLeafIndex, ReadPeaks(row.GetString(PeaksBefore)));
    }

    /// <summary>Where a block starts in the chain's tree, and the peaks of the tree before it (null on rows written before they were kept).</summary>
    private sealed record BlockBoundary(long Height, long FirstLeafIndex, IReadOnlyList<byte[]>? PeaksBefore);
}
