using HousingLedger.Fees;
using HousingLedger.Settlement;
using HousingLedger.Values;

namespace HousingLedger.Spend;

public sealed class JobSpendTests
{
    private static readonly StatementMonth March = StatementMonth.TryParse("2026-03", out var month) ? month : default;

    [Fact]
    public void Of_SplitsWhatCameOffTheListPriceIntoDiscountAndPenalty_ToThePenny()
    {
        // 34500 × 101 = 3484500; 5% off = 174225; then 20% off 3310275 = 662055, leaving 2648220.
        var spend = Of(gross: 3_484_500, discount: "0.05", penalty: "0.2", net: 2_648_220, vat: 529_644);
        Assert.Equal((3_484_500, 174_225, 662_055, 2_648_220, 529_644, 3_177_864),
            (spend.ListPrice.Pence, spend.Discounted.Pence, spend.Penalised.Pence, spend.Net.Pence, spend.Vat.Pence, spend.Paid.Pence));
    }

    [Fact]
    public void Of_RoundsTheDiscountHalfAwayFromZero_AndThePenaltyTakesTheRest()
    {
        // 345 × 0.05 = 17.25 → 17; 345 × 0.95 × 0.8 = 262.2, net rounded once to 262, so the penalty is 345 − 17 − 262 = 66.
        var spend = Of(gross: 345, discount: "0.05", penalty: "0.2", net: 262, vat: 52);
        Assert.Equal((17, 66), (spend.Discounted.Pence, spend.Penalised.Pence));
        Assert.Equal(spend.ListPrice, spend.Discounted + spend.Penalised + spend.Net);
    }

    [Fact]
    public void Of_WithNeitherDiscountNorPenalty_TakesNothingOff()
    {
        var spend = Of(gross: 34_500, discount: "0", penalty: "0", net: 34_500, vat: 6_900);
        Assert.Equal((0, 0, 41_400), (spend.Discounted.Pence, spend.Penalised.Pence, spend.Paid.Pence));
    }

    internal static JobSpend Of(long gross, string discount, string penalty, long net, long vat, string supplier = "sup_ovens", string contract = "con_cookers", StatementMonth? month = null) =>
        JobSpend.Of(
            month ?? March, Ids.Job("job_" + Guid.NewGuid().ToString("N")), Ids.Supplier(supplier), Ids.Contract(contract),
            new PriceBreakdown(Money.FromPence(gross), Rate(discount), 1, Rate(penalty), 0, 0, Money.FromPence(net), Money.FromPence(vat), Money.Zero));

    private static Rate Rate(string text) => Values.Rate.TryParse(text, out var rate) ? rate : throw new ArgumentException(text);
}
