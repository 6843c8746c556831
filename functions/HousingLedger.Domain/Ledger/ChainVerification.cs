using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// The outcome of verifying a chain, as <c>GET /api/ledger/{chain}/verify</c> answers it:
/// <c>{"valid", "blocks", "transactions", "failure"?: {"height", "transactionIndex"?, "reason"}}</c>.
/// <see cref="Blocks"/> and <see cref="Transactions"/> count what verified before any failure.
/// </summary>
public sealed record ChainVerification(long Blocks, long Transactions, ChainVerificationFailure? Failure)
{
    public bool Valid => Failure is null;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["valid"] = Valid,
            ["blocks"] = Blocks,
            ["transactions"] = Transactions,
        };
        if (Failure is not null)
        {
            json["failure"] = Failure.ToJson();
        }

        return json;
    }
}

/// <summary>
/// The first block (and, where one is to blame, the transaction within it, counted from 0) that does not verify,
/// and why: what was expected and what was found.
/// </summary>
public sealed record ChainVerificationFailure(long Height, int? TransactionIndex, string Reason)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["height"] = Height };
        if (TransactionIndex is { } index)
        {
            json["transactionIndex"] = index;
        }

        json["reason"] = Reason;
        return json;
    }

    public override string ToString() =>
        TransactionIndex is { } index ? $"block {Height}, transaction {index}: {Reason}" : $"block {Height}: {Reason}";
}
