using static HousingLedger.Fees.FeeChain;

namespace HousingLedger.Fees;

public sealed class FeeStatementTests
{
    private static FeeStatement Statement() =>
        Read([Settled("job_a", "2026-03-02T02:00:00Z", 25), Settled("job_b", "2026-03-03T02:00:00.5Z", 30)]).Closing(Month("2026-03"));

    [Fact]
    public void CanonicalJson_IsTheStatementInRfc8785Form()
    {
        var json = System.Text.Encoding.UTF8.GetString(Statement().ToCanonicalJson());

        Assert.Equal(
            """{"associationId":"assoc_riverside","jobCount":2,"lines":[{"eventId":"settle_job_a","fee":25,"jobId":"job_a","leafIndex":0,"recordedAt":"2026-03-02T02:00:00Z"},{"eventId":"settle_job_b","fee":30,"jobId":"job_b","leafIndex":1,"recordedAt":"2026-03-03T02:00:00.5Z"}],"month":"2026-03","status":"closed","totalFee":55,"treeSize":2}""",
            json);
    }

    [Fact]
    public void Close_RecordsTheCountTotalAndHash_AndReadsBack()
    {
        var close = Statement().ToClose();

        var read = StatementClosed.FromLedgerData(close.ToLedgerData());

        Assert.Equal(close, read.Value);
        Assert.Equal(2, close.JobCount);
        Assert.Equal(55, close.TotalFee.Pence);
        Assert.Equal(Statement().Sha256(), close.StatementSha256);
    }

    [Fact]
    public void Close_WithAMalformedMonth_IsNamed()
    {
        var data = Statement().ToClose().ToLedgerData();
        data["month"] = "2026-3";

        Assert.Equal("data.month", Assert.Single(StatementClosed.FromLedgerData(data).Errors).Field);
    }

    [Fact]
    public void Csv_HasALinePerJobAndATotal() =>
        Assert.Equal(
            "associationId,month,status,jobId,eventId,recordedAt,feePence\r\n"
            + "assoc_riverside,2026-03,closed,job_a,settle_job_a,2026-03-02T02:00:00Z,25\r\n"
            + "assoc_riverside,2026-03,closed,job_b,settle_job_b,2026-03-03T02:00:00.5Z,30\r\n"
            + "assoc_riverside,2026-03,closed,total,2 jobs,,55\r\n",
            FeeStatementCsv.Write(Statement()));
}
