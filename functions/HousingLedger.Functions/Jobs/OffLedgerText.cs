using System.Text.Json.Nodes;
using HousingLedger.Jobs;

namespace HousingLedger.Functions.Jobs;

/// <summary>
/// Free text that may name people (a completion's notes, a dispute's reason): only its salted <see cref="Commitment"/>
/// goes on the ledger; the text, salt and commitment are kept in a state row (<see cref="Row"/>) that can be erased
/// without breaking verification.
/// </summary>
public sealed record OffLedgerText(string Commitment, JsonObject Row)
{
    public static OffLedgerText Keep(string text)
    {
        var (commitment, salt) = FreeTextCommitment.Create(text);
        return new(commitment, new JsonObject { ["text"] = text, ["salt"] = Convert.ToBase64String(salt), ["commitment"] = commitment });
    }
}
