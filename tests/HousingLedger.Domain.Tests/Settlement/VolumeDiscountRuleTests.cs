using static HousingLedger.Settlement.SettlementSamples;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>SPEC §6.3 at its edges: which units count towards a job's tier, and when the count starts again.</summary>
public sealed class VolumeDiscountRuleTests
{
    [Fact]
    public void JobThatCrossesATier_TakesTheRateOfItsCountIncludingItself_ForEveryUnit()
    {
        var settled = Settle([Approved("job_a", At(2026, 2, 1), quantity: 98), Approved("job_b", At(2026, 2, 2), quantity: 5)]);

        var straddling = Only(settled, "job_b").Price;
        Assert.Equal(103, straddling.CumulativeUnits);
        Assert.Equal("0.05", straddling.DiscountRate.ToString());
        Assert.Equal(172_500, straddling.Gross.Pence);
        Assert.Equal(163_875, straddling.Net.Pence);
    }

    [Theory]
    [InlineData(99, 100, "0")]
    [InlineData(100, 101, "0.05")]
    [InlineData(499, 500, "0.05")]
    [InlineData(500, 501, "0.08")]
    public void LastUnitOfAJob_DecidesItsTier(int unitsBefore, long cumulative, string rate)
    {
        var settled = Settle([Approved("job_a", At(2026, 2, 1), quantity: unitsBefore), Approved("job_b", At(2026, 2, 2))]);

        var price = Only(settled, "job_b").Price;
        Assert.Equal(cumulative, price.CumulativeUnits);
        Assert.Equal(rate, price.DiscountRate.ToString());
    }

    [Fact]
    public void Quantities_CountAsUnits_NotAsJobs()
    {
        var settled = Settle([Approved("job_a", At(2026, 2, 1), quantity: 3), Approved("job_b", At(2026, 2, 2), quantity: 4)]);

        Assert.Equal([3L, 7L], settled.Select(job => job.Price.CumulativeUnits));
    }

    [Fact]
    public void JobsSettledInAnEarlierRun_StillCountTowardsVolume_ButAreNotPaidAgain()
    {
        var settled = Settle([
            Approved("job_a", At(2026, 2, 1), quantity: 100, alreadySettled: true),
            Approved("job_b", At(2026, 2, 2))]);

        var only = Assert.Single(settled);
        Assert.Equal("job_b", only.Job.JobId.Value);
        Assert.Equal(101, only.Price.CumulativeUnits);
        Assert.Equal("0.05", only.Price.DiscountRate.ToString());
    }

    [Fact]
    public void JobsOfEveryMemberAssociation_PoolTheirVolume()
    {
        var settled = Settle([
            Approved("job_a", At(2026, 2, 1), quantity: 60, associationId: "assoc_riverside"),
            Approved("job_b", At(2026, 2, 2), quantity: 41, associationId: "assoc_meadow")]);

        Assert.Equal("0.05", Only(settled, "job_b").Price.DiscountRate.ToString());
    }

    [Fact]
    public void NewContractYear_StartsTheCountAgain_AtMidnightUtcOnTheAnniversaryOfStarts()
    {
        var settled = Settle(
            [
                Approved("job_a", At(2026, 12, 31, 23, 59, 59), quantity: 100),
                Approved("job_b", At(2027, 1, 1), quantity: 1),
                Approved("job_c", At(2027, 1, 2), quantity: 100),
            ],
            asOf: At(2027, 2, 1));

        Assert.Equal(100, Only(settled, "job_a").Price.CumulativeUnits);
        Assert.Equal(1, Only(settled, "job_b").Price.CumulativeUnits);
        Assert.Equal("0", Only(settled, "job_b").Price.DiscountRate.ToString());
        Assert.Equal(101, Only(settled, "job_c").Price.CumulativeUnits);
    }

    [Fact]
    public void YearsWithNoApprovals_AreSkipped_AndTheCountStillStartsAgain()
    {
        var settled = Settle([Approved("job_a", At(2026, 3, 1), quantity: 150), Approved("job_b", At(2028, 3, 1))], asOf: At(2028, 4, 1));

        Assert.Equal(1, Only(settled, "job_b").Price.CumulativeUnits);
    }

    [Fact]
    public void ContractStartingOnTheLastDayOfFebruary_KeepsItsAnniversary_InLeapYears()
    {
        var terms = TermsWith(change: body =>
        {
            body["starts"] = "2028-02-29";
            body["ends"] = "2033-12-31";
        });

        var settled = Settle(
            [
                Approved("job_a", At(2029, 2, 27), quantity: 5),
                Approved("job_b", At(2029, 2, 28)),
                Approved("job_c", At(2032, 2, 28)),
                Approved("job_d", At(2032, 2, 29)),
            ],
            terms: terms,
            asOf: At(2032, 3, 1));

        Assert.Equal([5L, 1L, 1L, 1L], settled.Select(job => job.Price.CumulativeUnits));
    }

    [Fact]
    public void JobsApprovedAtTheSameInstant_CountInJobIdOrder()
    {
        var settled = Settle([Approved("job_A", At(2026, 2, 1), quantity: 100), Approved("job_a", At(2026, 2, 1))]);

        Assert.Equal(100, Only(settled, "job_A").Price.CumulativeUnits);
        Assert.Equal(101, Only(settled, "job_a").Price.CumulativeUnits);
    }
}
