using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Fees;

/// <summary>
/// One association's fee statement for one month: a line per <c>job.settled</c> it charges, in chain order, and
/// the totals. A closed statement is the one its <c>fee.statementClosed</c> hashes; an open one is what the month
/// holds so far and may still grow. Immutable.
/// </summary>
/// <param name="AssociationId">Whose statement: the chain it is read from.</param>
/// <param name="Month">The month it charges.</param>
/// <param name="Status">Closed (fixed, hashed on the chain) or open.</param>
/// <param name="TreeSize">The chain's transactions it was read from: the close's <c>treeSize</c>, or the chain's size when read.</param>
/// <param name="Lines">The fees it charges, in chain order.</param>
public sealed record FeeStatement(AssociationId AssociationId, StatementMonth Month, FeeStatementStatus Status, long TreeSize, IReadOnlyList<FeeEntry> Lines)
{
    public int JobCount => Lines.Count;

    /// <summary><c>closed</c> or <c>open</c>, as the JSON and CSV write it.</summary>
    public string StatusText => Status == FeeStatementStatus.Closed ? "closed" : "open";

    public Money TotalFee => Money.Sum(Lines.Select(line => line.Fee));

    /// <summary>
    /// The statement as JSON: <c>associationId</c>, <c>month</c>, <c>status</c>, <c>treeSize</c>, <c>lines</c>
    /// (<c>jobId</c>, <c>eventId</c>, <c>leafIndex</c>, <c>recordedAt</c>, <c>fee</c>), <c>jobCount</c> and
    /// <c>totalFee</c>, amounts in pence.
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["associationId"] = AssociationId.Value,
        ["month"] = Month.ToString(),
        ["status"] = StatusText,
        ["treeSize"] = TreeSize,
        ["lines"] = new JsonArray([.. Lines.Select(line => (JsonNode)new JsonObject
        {
            ["jobId"] = line.JobId.Value,
            ["eventId"] = line.EventId,
            ["leafIndex"] = line.LeafIndex,
            ["recordedAt"] = UtcTimestamp.Format(line.RecordedAt),
            ["fee"] = line.Fee.Pence,
        })]),
        ["jobCount"] = JobCount,
        ["totalFee"] = TotalFee.Pence,
    };

    /// <summary>The RFC 8785 form of <see cref="ToJson"/>, UTF-8: the bytes the service answers and the close hashes.</summary>
    public byte[] ToCanonicalJson() => Jcs.Canonicalize(ToJson());

    /// <summary>SHA-256 of <see cref="ToCanonicalJson"/>, lowercase hex: <c>statementSha256</c> when the statement is closed.</summary>
    public string Sha256() => LowercaseHex.Of(SHA256.HashData(ToCanonicalJson()));

    /// <summary>What closing this statement records on the chain.</summary>
    public StatementClosed ToClose() => new(Month, TreeSize, JobCount, TotalFee, Sha256());
}

/// <summary>Whether a statement may still change.</summary>
public enum FeeStatementStatus
{
    Open,
    Closed,
}
