using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Fees;

/// <summary>Transactions of one association's chain for the fee statement tests: settled jobs with a fee, other events, and closes.</summary>
internal static class FeeChain
{
    public const string Chain = "assoc_riverside";

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    public static LedgerTransaction Settled(string jobId, string recordedAt, long fee) =>
        new("job.settled", Chain, "settle_" + jobId, At(recordedAt), At(recordedAt), "service:settlement", jobId, new JsonObject { ["fee"] = fee, ["net"] = 100 });

    public static LedgerTransaction Other(string eventId, string recordedAt) =>
        new("job.raised", Chain, eventId, At(recordedAt), At(recordedAt), "association:" + Chain, "job_other", new JsonObject());

    public static LedgerTransaction Close(StatementClosed close, string recordedAt) =>
        new(StatementClosed.Type, Chain, StatementClosed.EventIdOf(close.Month), At(recordedAt), At(recordedAt), "service:settlement", StatementClosed.SubjectOf(close.Month), close.ToLedgerData());

    public static StatementMonth Month(string text) => StatementMonth.TryParse(text, out var month) ? month : throw new ArgumentException(text);

    public static FeeLedger Read(IEnumerable<LedgerTransaction> transactions)
    {
        var ledger = new FeeLedger(TypedId.Parse<AssociationId>(Chain));
        foreach (var tx in transactions)
        {
            Assert.Empty(ledger.Add(tx));
        }

        return ledger;
    }
}
