using HousingLedger.Contracts;
using HousingLedger.Values;
using static HousingLedger.Contracts.ValidatedAssert;

namespace HousingLedger.Jobs;

public sealed class JobLifecycleRaiseTests
{
    private static readonly DateTimeOffset Now = SampleJobs.RaisedAt;

    [Fact]
    public void Raise_AValidRequest_GivesARaisedJobWithItsDeadline()
    {
        var job = JobLifecycle.Raise(SampleJobs.Request(), SampleJobs.Terms, Now);

        Accepted(job);
        Assert.Equal(
            new Job(
                Ids.Job("job_oven12"), Ids.Association("assoc_riverside"), Ids.Contract("con_cookers"), Ids.Supplier("sup_cookers01"), "OVEN-600-SINGLE", 1, Priority.Urgent, "100023336956",
                SampleJobs.RaisedAt, SampleJobs.RaisedAt.AddDays(7), JobState.Raised, SampleJobs.RaisedAt, FirstCompletedAt: null, ApprovedAt: null),
            job.Value);
    }

    [Theory]
    [InlineData("emergency", "2026-03-11T09:15:00Z")]
    [InlineData("urgent", "2026-03-17T09:15:00Z")]
    [InlineData("routine", "2026-04-07T09:15:00Z")]
    public void Raise_EachPriority_SetsTheDeadlineFromItsTimescale(string priority, string deadline)
    {
        var job = JobLifecycle.Raise(SampleJobs.Request() with { Priority = priority }, SampleJobs.Terms, Now).Value;

        Assert.Equal(DateTimeOffset.Parse(deadline), job.Deadline);
    }

    [Fact]
    public void Raise_WithAnotherOffset_HoldsTheInstantInUtcAndCountsMonthsInUtc()
    {
        var terms = SampleTerms.ParseWith("timescales.routine", "P1M").Value;
        var request = SampleJobs.Request() with { Priority = "routine", RaisedAt = DateTimeOffset.Parse("2026-02-01T00:30:00+01:00") };

        var job = JobLifecycle.Raise(request, terms, Now).Value;

        Assert.Equal((TimeSpan.Zero, "2026-01-31T23:30:00Z"), (job.RaisedAt.Offset, UtcTimestamp.Format(job.RaisedAt)));
        Assert.Equal("2026-02-28T23:30:00Z", UtcTimestamp.Format(job.Deadline));
    }

    [Theory]
    [InlineData("Urgent")]
    [InlineData("URGENT")]
    [InlineData(" urgent")]
    [InlineData("high")]
    [InlineData("1")]
    [InlineData("")]
    public void Raise_AnyOtherPriority_IsRefused(string priority) =>
        RefusedAt(JobLifecycle.Raise(SampleJobs.Request() with { Priority = priority }, SampleJobs.Terms, Now), "priority", "emergency, urgent, routine");

    [Theory]
    [InlineData(1)]
    [InlineData(JobLifecycle.MaxQuantity)]
    public void Raise_AQuantityFrom1To10000_IsAccepted(long quantity) =>
        Assert.Equal(quantity, JobLifecycle.Raise(SampleJobs.Request() with { Quantity = quantity }, SampleJobs.Terms, Now).Value.Quantity);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(JobLifecycle.MaxQuantity + 1)]
    [InlineData(long.MaxValue)]
    public void Raise_AQuantityOutside1To10000_IsRefused(long quantity) =>
        RefusedAt(JobLifecycle.Raise(SampleJobs.Request() with { Quantity = quantity }, SampleJobs.Terms, Now), "quantity");

    [Theory]
    [InlineData("OVEN-600-DOUBLE")]
    [InlineData("oven-600-single")]
    [InlineData("")]
    public void Raise_AnItemTheContractDoesNotHave_IsRefused(string itemCode) =>
        RefusedAt(JobLifecycle.Raise(SampleJobs.Request() with { ItemCode = itemCode }, SampleJobs.Terms, Now), "itemCode", "con_cookers");

    [Theory]
    [InlineData("100023336956")]
    [InlineData("RIV/BLK-7/FLAT.12_B")]
    [InlineData("A")]
    public void Raise_APropertyReference_IsAccepted(string propertyRef) =>
        Accepted(JobLifecycle.Raise(SampleJobs.Request() with { PropertyRef = propertyRef }, SampleJobs.Terms, Now));

    [Fact]
    public void Raise_APropertyReferenceOf64Characters_IsAcceptedAnd65Refused()
    {
        Accepted(JobLifecycle.Raise(SampleJobs.Request() with { PropertyRef = new string('7', 64) }, SampleJobs.Terms, Now));
        RefusedAt(JobLifecycle.Raise(SampleJobs.Request() with { PropertyRef = new string('7', 65) }, SampleJobs.Terms, Now), "propertyRef");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Flat 12, 4 Acacia Avenue")]
    [InlineData("Mrs Jones")]
    [InlineData("jones@example.com")]
    [InlineData("07700900123\n")]
    [InlineData("Flat+12")]
    [InlineData("Wohnung-12ü")]
    public void Raise_FreeTextAsThePropertyReference_IsRefused(string propertyRef) =>
        RefusedAt(JobLifecycle.Raise(SampleJobs.Request() with { PropertyRef = propertyRef }, SampleJobs.Terms, Now), "propertyRef", "never an address");

    [Fact]
    public void Raise_RaisedExactly5MinutesAhead_IsAccepted() =>
        Accepted(JobLifecycle.Raise(SampleJobs.Request() with { RaisedAt = Now + TimeSpan.FromMinutes(5) }, SampleJobs.Terms, Now));

    [Fact]
    public void Raise_RaisedATickMoreThan5MinutesAhead_IsRefused() =>
        RefusedAt(
            JobLifecycle.Raise(SampleJobs.Request() with { RaisedAt = Now + TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1) }, SampleJobs.Terms, Now),
            "raisedAt",
            "5 minutes");

    [Theory]
    [InlineData("2026-01-01T00:00:00Z")]
    [InlineData("2027-12-31T23:59:59.9999999Z")]
    public void Raise_OnTheFirstOrLastDayOfTheContract_IsAccepted(string raisedAt) =>
        Accepted(JobLifecycle.Raise(SampleJobs.Request() with { RaisedAt = DateTimeOffset.Parse(raisedAt) }, SampleJobs.Terms, DateTimeOffset.Parse(raisedAt)));

    [Theory]
    [InlineData("2025-12-31T23:59:59.9999999Z")]
    [InlineData("2028-01-01T00:00:00Z")]
    [InlineData("2026-01-01T00:30:00+01:00")]
    public void Raise_OutsideTheContractsPeriodInUtc_IsRefused(string raisedAt) =>
        RefusedAt(
            JobLifecycle.Raise(SampleJobs.Request() with { RaisedAt = DateTimeOffset.Parse(raisedAt) }, SampleJobs.Terms, DateTimeOffset.Parse(raisedAt)),
            "raisedAt",
            "2026-01-01 to 2027-12-31");

    [Fact]
    public void Raise_EveryWrongField_IsReported()
    {
        var request = new JobRequest(Ids.Job("job_1"), Ids.Association("assoc_riverside"), Ids.Contract("con_cookers"), "KETTLE", 0, "soon", "Flat 12", Now.AddYears(5));

        var result = JobLifecycle.Raise(request, SampleJobs.Terms, Now);

        Assert.Equal(
            ["quantity", "itemCode", "priority", "propertyRef", "raisedAt", "raisedAt"],
            result.Errors.Select(error => error.Field));
    }
}
