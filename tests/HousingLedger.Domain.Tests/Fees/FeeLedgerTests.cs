using HousingLedger.Ledger;
using static HousingLedger.Fees.FeeChain;

namespace HousingLedger.Fees;

public sealed class FeeLedgerTests
{
    private static readonly LedgerTransaction[] March =
    [
        Other("evt_first", "2026-02-20T10:00:00Z"),
        Settled("job_a", "2026-03-02T02:00:00Z", 25),
        Settled("job_b", "2026-03-31T23:59:59Z", 25),
        Settled("job_c", "2026-04-01T00:00:00Z", 30),
    ];

    [Fact]
    public void Statement_OfAnOpenMonth_ChargesTheFeesRecordedInIt()
    {
        var statement = Read(March).Statement(Month("2026-03"));

        Assert.Equal(FeeStatementStatus.Open, statement.Status);
        Assert.Equal(["job_a", "job_b"], statement.Lines.Select(line => line.JobId.Value));
        Assert.Equal(50, statement.TotalFee.Pence);
        Assert.Equal(4, statement.TreeSize);
    }

    [Fact]
    public void MonthsToClose_StartAtTheMonthOfTheChainsFirstTransaction() =>
        Assert.Equal(["2026-02", "2026-03"], Read(March).MonthsToClose(Month("2026-03")).Select(month => month.ToString()));

    [Fact]
    public void Closing_ChargesEveryUnchargedFeeUpToTheMonth_AndTheChainThenGivesTheSameStatement()
    {
        var ledger = Read(March);
        var february = ledger.Closing(Month("2026-02"));
        ledger.AddPending(february.ToClose());
        var march = ledger.Closing(Month("2026-03"));

        var chain = Read([.. March, Close(february.ToClose(), "2026-04-01T02:00:00Z"), Close(march.ToClose(), "2026-04-01T02:00:00Z")]);

        Assert.Empty(february.Lines);
        Assert.Equal(50, march.TotalFee.Pence);
        Assert.Equal(march.Sha256(), chain.Statement(Month("2026-03")).Sha256());
        Assert.Equal(FeeStatementStatus.Closed, chain.Statement(Month("2026-03")).Status);
    }

    [Fact]
    public void AFeeRecordedInAClosedMonth_ThatReachesTheChainAfterTheClosesTreeSize_IsChargedOnceInTheNextOpenMonth()
    {
        var ledger = Read(March.Take(2));
        var march = ledger.Closing(Month("2026-03"));
        var before = march.Sha256();

        // job_b was recorded on 31 March but reached the chain after the close read it; then the close lands.
        var chain = Read([.. March, Close(march.ToClose(), "2026-04-01T02:00:00Z"), Settled("job_d", "2026-04-02T00:00:00Z", 40)]);

        Assert.Equal(before, chain.Statement(Month("2026-03")).Sha256());
        Assert.Equal(["job_a"], chain.Statement(Month("2026-03")).Lines.Select(line => line.JobId.Value));
        Assert.Equal(["job_b", "job_c", "job_d"], chain.Statement(Month("2026-04")).Lines.Select(line => line.JobId.Value));
        Assert.Equal(95, chain.Statement(Month("2026-04")).TotalFee.Pence);
    }

    [Fact]
    public void Closing_AMonthNotAfterTheLastClosed_IsAProgrammingError()
    {
        var ledger = Read(March);
        ledger.AddPending(ledger.Closing(Month("2026-03")).ToClose());

        Assert.Throws<InvalidOperationException>(() => ledger.Closing(Month("2026-03")));
        Assert.Empty(ledger.MonthsToClose(Month("2026-03")));
    }

    [Fact]
    public void Add_NamesAFeeItCannotRead()
    {
        var ledger = new FeeLedger(Values.TypedId.Parse<Values.AssociationId>(Chain));
        var tx = new LedgerTransaction(
            "job.settled", Chain, "settle_job_a", At("2026-03-02T02:00:00Z"), At("2026-03-02T02:00:00Z"), "service:settlement", "job_a", new() { ["fee"] = "25" });

        Assert.Equal("data.fee", Assert.Single(ledger.Add(tx)).Field);
        Assert.Empty(ledger.Entries);
        Assert.Equal(1, ledger.TreeSize);
    }
}
