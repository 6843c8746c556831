using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Contracts;

public sealed class ContractTermsTests
{
    private static readonly ContractTerms Terms = SampleTerms.Terms();

    [Theory]
    [InlineData("2026-01-01", true)]
    [InlineData("2027-12-31", true)]
    [InlineData("2026-07-15", true)]
    [InlineData("2025-12-31", false)]
    [InlineData("2028-01-01", false)]
    public void IsInForce_FromStartsToEnds_BothIncluded(string day, bool inForce) =>
        Assert.Equal(inForce, Terms.IsInForce(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ItemFor_AKnownCode_GivesTheItem() =>
        Assert.Equal(21000, Terms.ItemFor("HOB-600-CERAMIC")?.UnitPrice.Pence);

    [Theory]
    [InlineData("hob-600-ceramic")]
    [InlineData("HOB-600")]
    [InlineData("")]
    public void ItemFor_AnyOtherCode_GivesNothing(string code) =>
        Assert.Null(Terms.ItemFor(code));

    [Theory]
    [InlineData(Priority.Emergency, "2026-03-11T09:15:00Z")]
    [InlineData(Priority.Urgent, "2026-03-17T09:15:00Z")]
    [InlineData(Priority.Routine, "2026-04-07T09:15:00Z")]
    public void DeadlineFor_EachPriority_AddsItsTimescale(Priority priority, string deadline) =>
        Assert.Equal(DateTimeOffset.Parse(deadline), Terms.DeadlineFor(priority, DateTimeOffset.Parse("2026-03-10T09:15:00Z")));

    [Theory]
    [InlineData("2026-01-31T16:00:00Z", "2026-02-28T16:00:00Z")]
    [InlineData("2027-03-31T16:00:00Z", "2027-04-30T16:00:00Z")]
    [InlineData("2026-12-31T23:59:59Z", "2027-01-31T23:59:59Z")]
    public void DeadlineFor_AOneMonthTimescaleAtMonthEnd_IsTheLastDayOfTheNextMonth(string raisedAt, string deadline)
    {
        var terms = SampleTerms.ParseWith("timescales.routine", "P1M").Value;

        Assert.Equal(DateTimeOffset.Parse(deadline), terms.DeadlineFor(Priority.Routine, DateTimeOffset.Parse(raisedAt)));
    }

    [Fact]
    public void Constructor_APeriodThatDoesNotEndAfterItStarts_Throws() =>
        Assert.Throws<ArgumentException>(() => With(ends: Terms.Starts, items: Terms.Items));

    [Fact]
    public void Constructor_NoItems_Throws() =>
        Assert.Throws<ArgumentException>(() => With(ends: Terms.Ends, items: []));

    [Fact]
    public void Constructor_TwoItemsWithOneCode_Throws() =>
        Assert.Throws<ArgumentException>(() => With(ends: Terms.Ends, items: [Terms.Items[0], Terms.Items[0] with { Description = "again" }]));

    [Fact]
    public void Items_AreACopy_SoTheCallersListCannotChangeTheTerms()
    {
        var items = new List<ContractItem>(Terms.Items);
        var terms = With(ends: Terms.Ends, items: items);

        items.Clear();

        Assert.Equal(3, terms.Items.Count);
    }

    private static ContractTerms With(DateOnly ends, IEnumerable<ContractItem> items) =>
        new(Terms.Title, Terms.SupplierId, Terms.Starts, ends, Terms.VatRate, items, Terms.Timescales, Terms.VolumeDiscount, Terms.LatePenalty);
}
