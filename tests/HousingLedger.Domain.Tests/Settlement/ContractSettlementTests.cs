using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>
/// Settling a contract one job at a time, as the function app does while it reads jobs from storage: where it may
/// start reading, and what it refuses. The pricing itself is pinned through <see cref="SettlementEngine"/>, which is built on it.
/// </summary>
public sealed class ContractSettlementTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")]
    [InlineData("2026-01-01", "2026-12-31T23:59:59.9999999Z", "2026-01-01T00:00:00Z")]
    [InlineData("2026-01-01", "2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("2026-01-01", "2029-07-14T09:30:00Z", "2029-01-01T00:00:00Z")]
    [InlineData("2026-01-01", "2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z")]
    [InlineData("2028-02-29", "2029-02-28T00:00:00Z", "2029-02-28T00:00:00Z")]
    [InlineData("2028-02-29", "2032-02-28T12:00:00Z", "2031-02-28T00:00:00Z")]
    [InlineData("2028-02-29", "2032-02-29T00:00:00Z", "2032-02-29T00:00:00Z")]
    public void ContractYearStart_IsTheStartOfTheYearTheInstantFallsIn(string starts, string instant, string expected)
    {
        var terms = TermsWith(change: json =>
        {
            json["starts"] = starts;
            json["ends"] = "2040-12-31";
        });

        Assert.Equal(DateTimeOffset.Parse(expected), ContractSettlement.ContractYearStart(terms, DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void StartingAtAContractYear_CountsThatYearsUnitsAlone()
    {
        var settlement = new ContractSettlement(Contract, Terms, new SettlementRun(At(2027, 3, 1), Fee), new SupplierLateness(0, 0));
        settlement.Add(Approved("job_a", At(2027, 1, 5), quantity: 100) with { State = Jobs.JobState.Settled });

        var priced = settlement.Add(Approved("job_b", At(2027, 2, 1), quantity: 2));

        Assert.Equal(102, priced!.Price.CumulativeUnits);
    }

    [Fact]
    public void Add_ReturnsNothing_ForAJobSettledAlready_ButCountsIt()
    {
        var settlement = new ContractSettlement(Contract, Terms, new SettlementRun(AsOf, Fee), new SupplierLateness(0, 0));

        Assert.Null(settlement.Add(Approved("job_a", At(2026, 2, 1), quantity: 3, alreadySettled: true)));
        Assert.Equal(4, settlement.Add(Approved("job_b", At(2026, 2, 2)))!.Price.CumulativeUnits);
    }

    [Fact]
    public void Add_RefusesAJobApprovedAfterAsOf_ForItIsNotPayableYet()
    {
        var settlement = new ContractSettlement(Contract, Terms, new SettlementRun(AsOf, Fee), new SupplierLateness(0, 0));

        var refused = Assert.Throws<ArgumentException>(() => settlement.Add(Approved("job_a", AsOf.AddTicks(1))));
        Assert.Contains("after the run's as-of time", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_RefusesAJobOutOfApprovalOrder()
    {
        var settlement = new ContractSettlement(Contract, Terms, new SettlementRun(AsOf, Fee), new SupplierLateness(0, 0));
        settlement.Add(Approved("job_b", At(2026, 2, 1)));

        Assert.Throws<ArgumentException>(() => settlement.Add(Approved("job_a", At(2026, 2, 1))));
    }

    [Fact]
    public void LatenessTally_WindowStart_IsAsOfLessTheWindowInCalendarMonths()
    {
        Assert.Equal(At(2025, 6, 1, 2), new LatenessTally(Contract, Terms, AsOf).WindowStart);
    }
}
