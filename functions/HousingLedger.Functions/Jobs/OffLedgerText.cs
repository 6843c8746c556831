using System.Text.Json.Nodes;
using HousingLedger.Jobs;

namespace HousingLedger.Functions.Jobs;

/// <summary>
/// Free text that may name people (a completion's notes, a dispute's reason): only its salted commitment goes on the
/// ledger; the text, salt and commitment are kept in a state row that can be erased without breaking verification.
/// </summary>
public static class OffLedgerText
{
    /// <summary>The commitment to put on the ledger, and the row that keeps the text.</summary>
    public static (string Commitment, JsonObject Row) Keep(string text)
    {
        var (commitment, salt) = FreeTextCommitment.Create(text);
        return (commitment, new JsonObject { ["text"] = text, ["salt"] = Convert.ToBase64String(salt), ["commitment"] = commitment });
    }
}
