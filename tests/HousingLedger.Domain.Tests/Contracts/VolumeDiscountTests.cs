using HousingLedger.Values;

namespace HousingLedger.Contracts;

public sealed class VolumeDiscountTests
{
    private static readonly VolumeDiscount Discount = SampleTerms.Terms().VolumeDiscount;

    [Theory]
    [InlineData(1, "0")]
    [InlineData(100, "0")]
    [InlineData(101, "0.05")]
    [InlineData(500, "0.05")]
    [InlineData(501, "0.08")]
    [InlineData(1_000_000, "0.08")]
    public void RateFor_CumulativeUnits_IsTheRateOfTheHighestTierReached(long units, string rate) =>
        Assert.Equal(rate, Discount.RateFor(units).ToString());

    [Fact]
    public void RateFor_NoUnits_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Discount.RateFor(0));

    [Fact]
    public void Constructor_TiersNotStartingAtOneUnit_Throws() =>
        Assert.Throws<ArgumentException>(() => new VolumeDiscount([new DiscountTier(2, Rate.Zero)]));

    [Fact]
    public void Constructor_TiersOutOfOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => new VolumeDiscount([new DiscountTier(1, Rate.Zero), new DiscountTier(1, Rate.FromDecimal(0.05m))]));

    [Fact]
    public void Constructor_NoTiers_Throws() =>
        Assert.Throws<ArgumentException>(() => new VolumeDiscount([]));

    [Fact]
    public void Equality_IsByTiers() =>
        Assert.Equal(new VolumeDiscount([new DiscountTier(1, Rate.FromDecimal(0.1m))]), new VolumeDiscount([new DiscountTier(1, Rate.FromDecimal(0.10m))]));
}
