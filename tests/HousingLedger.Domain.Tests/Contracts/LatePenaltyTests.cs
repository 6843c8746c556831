using HousingLedger.Values;

namespace HousingLedger.Contracts;

public sealed class LatePenaltyTests
{
    [Fact]
    public void Constructor_AWindowOfWholeMonths_KeepsIt() =>
        Assert.Equal(12, new LatePenalty(IsoDuration.Parse("P1Y"), Rate.FromDecimal(0.1m), Rate.FromDecimal(0.2m)).Window.TotalMonths);

    [Fact]
    public void Constructor_AWindowThatIsNotWholeMonths_Throws() =>
        Assert.Throws<ArgumentException>(() => new LatePenalty(IsoDuration.Parse("P365D"), Rate.Zero, Rate.Zero));
}
