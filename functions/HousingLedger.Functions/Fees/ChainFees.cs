using HousingLedger.Fees;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.Fees;

/// <summary>Reads an association's chain into a <see cref="FeeLedger"/>: statements come from the ledger alone, never from state rows.</summary>
public sealed class ChainFees(TableLedgerStore ledger)
{
    /// <summary>Every transaction on the association's chain now, read block by block.</summary>
    /// <exception cref="InvalidDataException">A transaction the service wrote no longer reads as it wrote it: the chain was altered outside the service.</exception>
    public async Task<FeeLedger> ReadAsync(AssociationId associationId, CancellationToken cancellationToken)
    {
        var fees = new FeeLedger(associationId);
        await foreach (var block in ledger.ReadBlocksAsync(associationId.Value, cancellationToken: cancellationToken))
        {
            foreach (var tx in block.Transactions)
            {
                if (fees.Add(tx) is [var first, ..])
                {
                    throw new InvalidDataException($"{tx.Type} {tx.EventId} on {associationId}: {first.Field}: {first.Message}");
                }
            }
        }

        return fees;
    }
}
