using System.Text.Json.Nodes;
using HousingLedger.Functions.WorkOrders;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.Tests.WorkOrders;

/// <summary>The work-orders queue message: read back as written, with or without the raise it carries, and refused when it is not one.</summary>
public sealed class WorkOrderMessageTests
{
    private static readonly LedgerTransaction Raise = new(
        "job.raised",
        "asc_harbour",
        "evt_raise1",
        DateTimeOffset.Parse("2026-12-07T10:00:00Z"),
        DateTimeOffset.Parse("2026-12-07T10:00:01Z"),
        "admin:asc_harbour",
        "job_oven12",
        new JsonObject { ["itemCode"] = "OVEN-A", ["quantity"] = 1 });

    private static readonly WorkOrderMessage Message = new(
        TypedId.Parse<AssociationId>("asc_harbour"), TypedId.Parse<JobId>("job_oven12"), TypedId.Parse<EventId>("evt_raise1"), 2);

    [Fact]
    public void A_message_carrying_its_raise_reads_back_with_the_same_raise()
    {
        var read = WorkOrderMessage.Read((Message with { Raised = Raise }).Write());

        Assert.Equal(Message with { Raised = null }, read! with { Raised = null });
        Assert.Equal(Raise.LeafHash(), read.Raised!.LeafHash());
    }

    [Fact]
    public void A_message_without_its_raise_reads_back_without_one()
    {
        Assert.Equal(Message, WorkOrderMessage.Read(Message.Write()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"chain":"asc_harbour","jobId":"job_oven12","raisedEventId":"evt_raise1","attempt":0}""")]
    [InlineData("""{"chain":"asc_harbour","jobId":"job_oven12","raisedEventId":"evt_raise1","attempt":"1"}""")]
    [InlineData("""{"chain":"asc_harbour","jobId":"job_oven12","attempt":1}""")]
    [InlineData("""{"chain":"asc_harbour","jobId":"job_oven12","raisedEventId":"evt_raise1","attempt":1,"raised":"job.raised"}""")]
    [InlineData("""{"chain":"asc_harbour","jobId":"job_oven12","raisedEventId":"evt_raise1","attempt":1,"raised":{"type":"job.raised"}}""")]
    public void A_message_that_is_not_one_is_refused(string body)
    {
        Assert.Null(WorkOrderMessage.Read(body));
    }

    [Theory]
    [InlineData("subject", "job_other")]
    [InlineData("eventId", "evt_other")]
    [InlineData("chain", "asc_other")]
    [InlineData("type", "job.accepted")]
    public void A_raise_that_is_not_the_one_the_message_names_is_refused(string member, string value)
    {
        var json = JsonNode.Parse((Message with { Raised = Raise }).Write())!.AsObject();
        json["raised"]![member] = value;

        Assert.Null(WorkOrderMessage.Read(json.ToJsonString()));
    }
}
