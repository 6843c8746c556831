using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// The newest block of a chain: its height and hash, and <see cref="TxCount"/> = every transaction in the chain
/// so far (the tree size of the chain's checkpoint). The JSON form is the body of <c>GET /api/ledger/{chain}/head</c>.
/// </summary>
public sealed record ChainHead(string Chain, long Height, string BlockHash, long TxCount)
{
    /// <summary>The head once <paramref name="block"/> is appended on top of <paramref name="previous"/> (null before the first block).</summary>
    public static ChainHead After(ChainHead? previous, Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return new ChainHead(block.Header.Chain, block.Header.Height, block.Header.Hash(), (previous?.TxCount ?? 0) + block.Transactions.Count);
    }

    /// <summary><c>{"chain", "height", "blockHash", "txCount"}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["chain"] = Chain,
        ["height"] = Height,
        ["blockHash"] = BlockHash,
        ["txCount"] = TxCount,
    };
}
