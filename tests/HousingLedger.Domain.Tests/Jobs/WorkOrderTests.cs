using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Jobs;

/// <summary>A supplier's work order says exactly what the sealed <c>job.raised</c> says, and nothing else.</summary>
public sealed class WorkOrderTests
{
    private static readonly DateTimeOffset RaisedAt = new(2026, 3, 10, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public void The_work_order_carries_the_raise_as_the_ledger_holds_it()
    {
        var payload = WorkOrder.FromRaised(Raised(RaisedData())).ToPayload(RaisedAt.AddMinutes(1));

        Assert.Equal(
            """{"type":"work_order.issued","timestamp":"2026-03-10T09:16:00Z","data":{"jobId":"job_oven12","associationId":"assoc_riverside","contractId":"con_cookers","itemCode":"OVEN-600-SINGLE","quantity":1,"priority":"urgent","propertyRef":"100023336956","raisedAt":"2026-03-10T09:15:00Z","deadline":"2026-03-17T09:15:00Z"}}""",
            payload.ToJsonString());
    }

    [Fact]
    public void Another_kind_of_event_is_no_work_order()
    {
        var accepted = new LedgerTransaction(JobEventTypes.Accepted, "assoc_riverside", "evt_1", RaisedAt, RaisedAt, "supplier:sup_cookers01", "job_oven12", []);

        Assert.Throws<InvalidDataException>(() => WorkOrder.FromRaised(accepted));
    }

    [Theory]
    [InlineData("supplierId")]
    [InlineData("quantity")]
    [InlineData("deadline")]
    public void A_raise_that_lacks_what_a_work_order_needs_is_refused_naming_the_job(string member)
    {
        var data = RaisedData();
        data.Remove(member);

        var error = Assert.Throws<InvalidDataException>(() => WorkOrder.FromRaised(Raised(data)));

        Assert.Contains("job_oven12", error.Message, StringComparison.Ordinal);
    }

    private static LedgerTransaction Raised(JsonObject data) =>
        new(JobEventTypes.Raised, "assoc_riverside", "evt_raise", RaisedAt, RaisedAt.AddSeconds(2), "association:assoc_riverside", "job_oven12", data);

    private static JsonObject RaisedData() => new()
    {
        ["contractId"] = "con_cookers",
        ["termsHash"] = new string('0', 64),
        ["supplierId"] = "sup_cookers01",
        ["itemCode"] = "OVEN-600-SINGLE",
        ["quantity"] = 1,
        ["priority"] = "urgent",
        ["propertyRef"] = "100023336956",
        ["deadline"] = UtcTimestamp.Format(RaisedAt.AddDays(7)),
    };
}
