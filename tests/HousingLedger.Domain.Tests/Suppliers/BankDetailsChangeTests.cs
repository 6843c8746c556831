using HousingLedger.Values;

namespace HousingLedger.Suppliers;

public sealed class BankDetailsChangeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static BankDetailsChange ChangedAt(DateTimeOffset occurredAt) => new(TypedId.Parse<EventId>("bank_a"), occurredAt);

    [Fact]
    public void IsRecentAt_ADayInsideTheThirtyDays_IsRecent() =>
        Assert.True(ChangedAt(AsOf - TimeSpan.FromDays(29)).IsRecentAt(AsOf));

    [Fact]
    public void IsRecentAt_ExactlyThirtyDaysBefore_IsNoLongerRecent()
    {
        Assert.False(ChangedAt(AsOf - TimeSpan.FromDays(30)).IsRecentAt(AsOf));
        Assert.True(ChangedAt(AsOf - TimeSpan.FromDays(30) + TimeSpan.FromTicks(1)).IsRecentAt(AsOf));
    }

    [Fact]
    public void IsRecentAt_ThirtyOneDaysBefore_IsNotRecent() =>
        Assert.False(ChangedAt(AsOf - TimeSpan.FromDays(31)).IsRecentAt(AsOf));

    [Fact]
    public void IsRecentAt_AChangeAfterTheAsOfTime_IsRecent_BecauseTheBatchPaysTheDetailsInForceNow() =>
        Assert.True(ChangedAt(AsOf + TimeSpan.FromDays(40)).IsRecentAt(AsOf));

    [Fact]
    public void OccurredAtOfNext_WithoutATime_IsNow()
    {
        var next = BankDetailsChange.OccurredAtOfNext(null, ChangedAt(AsOf - TimeSpan.FromDays(3)), AsOf);

        Assert.True(next.IsValid);
        Assert.Equal(AsOf, next.Value);
    }

    [Fact]
    public void OccurredAtOfNext_InThePast_IsKept() =>
        Assert.Equal(AsOf - TimeSpan.FromDays(40), BankDetailsChange.OccurredAtOfNext(AsOf - TimeSpan.FromDays(40), null, AsOf).Value);

    [Fact]
    public void OccurredAtOfNext_MoreThanFiveMinutesAhead_IsRefusedNamingOccurredAt()
    {
        Assert.True(BankDetailsChange.OccurredAtOfNext(AsOf + TimeSpan.FromMinutes(5), null, AsOf).IsValid);

        var next = BankDetailsChange.OccurredAtOfNext(AsOf + TimeSpan.FromMinutes(6), null, AsOf);

        var error = Assert.Single(next.Errors);
        Assert.Equal("occurredAt", error.Field);
    }

    [Fact]
    public void OccurredAtOfNext_BeforeThePreviousChange_IsRefusedNamingIt()
    {
        var previous = ChangedAt(AsOf - TimeSpan.FromDays(3));

        var next = BankDetailsChange.OccurredAtOfNext(AsOf - TimeSpan.FromDays(4), previous, AsOf);

        var error = Assert.Single(next.Errors);
        Assert.Equal("occurredAt", error.Field);
        Assert.Contains("bank_a", error.Message, StringComparison.Ordinal);
    }
}
