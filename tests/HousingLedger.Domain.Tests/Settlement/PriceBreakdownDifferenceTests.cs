using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>Comparing a recorded breakdown with a re-derived one, figure by figure, and re-pricing from recorded counts.</summary>
public sealed class PriceBreakdownDifferenceTests
{
    private static readonly PriceBreakdown Priced = Only(Settle([Approved("job_a", At(2026, 2, 1), quantity: 5)]), "job_a").Price;

    [Fact]
    public void FiguresDifferingFrom_ItselfIsNone() => Assert.Empty(Priced.FiguresDifferingFrom(Priced));

    [Fact]
    public void FiguresDifferingFrom_NamesEachFigure_WithBothValuesAsTheLedgerWritesThem()
    {
        var recorded = Priced with { DiscountRate = Values.Rate.FromDecimal(0.05m), Net = Values.Money.FromPence(1) };

        Assert.Equal(
            [new FigureDifference("discountRate", "\"0.05\"", "\"0\""), new FigureDifference("net", "1", "172500"), new FigureDifference("payable", "34501", "207000")],
            recorded.FiguresDifferingFrom(Priced));
    }

    [Fact]
    public void Reprice_FromTheRecordedCounts_GivesTheSamePrice() =>
        Assert.Equal(Priced, SettlementAudit.Reprice(Priced, Terms, Oven, 5).Value);

    [Fact]
    public void Reprice_CountsBelowTheJobsOwnUnits_IsRefused() =>
        Contracts.ValidatedAssert.RefusedAt(SettlementAudit.Reprice(Priced with { CumulativeUnits = 4 }, Terms, Oven, 5), "cumulativeUnits");
}
