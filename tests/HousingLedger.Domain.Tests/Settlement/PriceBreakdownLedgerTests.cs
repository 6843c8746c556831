using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Values;
using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>SPEC §6.7: the <c>data</c> of a <c>job.settled</c> transaction, written and read back.</summary>
public sealed class PriceBreakdownLedgerTests
{
    private static readonly PriceBreakdown Sample = JobPricing.Price(Terms, Oven, 5, 103, new SupplierLateness(1, 10), Fee);

    [Fact]
    public void ToLedgerData_HoldsExactlyTheSpecsFields_RatesAsStrings_AmountsAndCountsAsIntegers()
    {
        var data = Sample.ToLedgerData();

        Assert.Equal(
            """{"gross":172500,"discountRate":"0.05","cumulativeUnits":103,"penaltyRate":"0.2","lateJobs":1,"jobsInScope":10,"net":131100,"vat":26220,"payable":157320,"fee":25}""",
            data.ToJsonString());
    }

    [Fact]
    public void ToLedgerData_IsAcceptedAsTheDataOfAJobSettledTransaction()
    {
        var transaction = new LedgerTransaction(
            JobEventTypes.Settled, "assoc_riverside", "evt_settled_a", AsOf, AsOf, "settlement", "job_a", Sample.ToLedgerData());

        Assert.True(JsonNode.DeepEquals(Sample.ToLedgerData(), transaction.Data), $"the transaction holds {transaction.Data.ToJsonString()}");
    }

    [Fact]
    public void FromLedgerData_ReadsBackWhatToLedgerDataWrote()
    {
        var read = PriceBreakdown.FromLedgerData(Sample.ToLedgerData());

        ValidatedAssert.Accepted(read);
        Assert.Equal(Sample, read.Value);
    }

    [Fact]
    public void FromLedgerData_ReadsBackTheDataSettlementRecords_WithItsBatch()
    {
        var data = Sample.ToLedgerData("pb_20260302_a");

        Assert.Equal("pb_20260302_a", (string?)data[PriceBreakdown.BatchIdMember]);
        var read = PriceBreakdown.FromLedgerData(data);
        ValidatedAssert.Accepted(read);
        Assert.Equal(Sample, read.Value);
    }

    [Fact]
    public void FromLedgerData_BatchIdThatIsNotAnId_IsRefusedAtThatMember()
    {
        var data = Sample.ToLedgerData("pb 1/2");

        var read = PriceBreakdown.FromLedgerData(data);

        Assert.Contains(read.Errors, e => e.Field == PriceBreakdown.BatchIdMember);
    }

    [Theory]
    [InlineData("net", "131101", "payable")]
    [InlineData("payable", "157321", "payable")]
    [InlineData("lateJobs", "11", "lateJobs")]
    [InlineData("discountRate", "0.05", "discountRate")]
    [InlineData("discountRate", "\"0.050\"", "discountRate")]
    [InlineData("penaltyRate", "\"1.2\"", "penaltyRate")]
    [InlineData("penaltyRate", "\"0.2\\n\"", "penaltyRate")]
    [InlineData("gross", "\"172500\"", "gross")]
    [InlineData("gross", "172500.5", "gross")]
    [InlineData("cumulativeUnits", "0", "cumulativeUnits")]
    [InlineData("fee", "-1", "fee")]
    [InlineData("jobsInScope", "null", "jobsInScope")]
    public void FromLedgerData_WrongMember_IsRefusedAtThatMember(string member, string json, string field)
    {
        var data = Sample.ToLedgerData();
        data[member] = JsonNode.Parse(json);

        ValidatedAssert.RefusedAt(PriceBreakdown.FromLedgerData(data), field);
    }

    [Fact]
    public void FromLedgerData_MissingMember_IsRefused()
    {
        var data = Sample.ToLedgerData();
        data.Remove("vat");

        ValidatedAssert.RefusedAt(PriceBreakdown.FromLedgerData(data), "vat", "is required");
    }

    [Fact]
    public void FromLedgerData_UnknownMember_IsRefused()
    {
        var data = Sample.ToLedgerData();
        data["bonus"] = 100;

        ValidatedAssert.RefusedAt(PriceBreakdown.FromLedgerData(data), "bonus");
    }

    [Fact]
    public void LedgerData_SurvivesARoundTripThroughJsonText()
    {
        var text = JsonSerializer.Serialize(Sample.ToLedgerData());

        Assert.Equal(Sample, PriceBreakdown.FromLedgerData(JsonNode.Parse(text)!.AsObject()).Value);
    }

    [Fact]
    public void Payable_IsNetPlusVat() =>
        Assert.Equal(Sample.Net.Pence + Sample.Vat.Pence, Sample.Payable.Pence);

    [Fact]
    public void Rates_AreWrittenCanonically()
    {
        var data = (Sample with { DiscountRate = Rate.FromDecimal(0.0500m), PenaltyRate = Rate.Zero }).ToLedgerData();

        Assert.Equal(("0.05", "0"), (data["discountRate"]!.GetValue<string>(), data["penaltyRate"]!.GetValue<string>()));
    }
}
