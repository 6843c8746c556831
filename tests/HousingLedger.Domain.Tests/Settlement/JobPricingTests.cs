using HousingLedger.Contracts;
using HousingLedger.Values;
using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>SPEC §6.2 and §6.5: gross, net rounded once half away from zero, VAT rounded the same way.</summary>
public sealed class JobPricingTests
{
    private static readonly SupplierLateness OnTime = new(0, 10);

    private static readonly SupplierLateness AllLate = new(10, 10);

    [Theory]
    [InlineData(10, "0.05", 10)] // 9.5p
    [InlineData(30, "0.05", 29)] // 28.5p
    [InlineData(1, "0.5", 1)] // 0.5p
    [InlineData(1, "0.55", 0)] // 0.45p
    [InlineData(29, "0.05", 28)] // 27.55p
    [InlineData(9, "0.05", 9)] // 8.55p
    [InlineData(11, "0.15", 9)] // 9.35p
    public void Net_ExactHalfPennyRoundsUp_AndBelowHalfRoundsDown(long unitPrice, string discount, long net) =>
        Assert.Equal(net, Price(TermsAt(unitPrice, discount), OnTime).Net.Pence);

    [Fact]
    public void Net_IsRoundedOnce_NotAfterEachReduction()
    {
        // 70p × 0.95 × 0.8 = 53.2p → 53p; rounding after the discount (66.5p → 67p) would give 53.6p → 54p.
        var price = Price(TermsAt(70, "0.05"), AllLate);

        Assert.Equal(53, price.Net.Pence);
    }

    [Theory]
    [InlineData(10, 1)] // 0.5p
    [InlineData(30, 2)] // 1.5p
    [InlineData(9, 0)] // 0.45p
    [InlineData(11, 1)] // 0.55p
    public void Vat_ExactHalfPennyRoundsUp_AndBelowHalfRoundsDown(long net, long vat) =>
        Assert.Equal(vat, Price(TermsAt(net, "0", vatRate: "0.05"), OnTime).Vat.Pence);

    [Fact]
    public void Vat_IsComputedFromTheRoundedNet()
    {
        // Net 9.5p → 10p, and 5% VAT of 10p is 0.5p → 1p; of the unrounded 9.5p it would have been 0.475p → 0p.
        var price = Price(TermsAt(10, "0.05", vatRate: "0.05"), OnTime);

        Assert.Equal((10L, 1L, 11L), (price.Net.Pence, price.Vat.Pence, price.Payable.Pence));
    }

    [Fact]
    public void Rounding_IsExact_EvenWherePlainDecimalArithmeticWouldRoundFirst()
    {
        // 18p × 0.4722…2 (28 places) is exactly 8.4999…996p, which rounds to 8p. A decimal cannot hold those 29
        // digits, so decimal multiplication would keep 28 of them, 8.5000…000p, and that rounds to 9p.
        var vat = ExactVat(TermsAt(18, "0"), Rate.FromDecimal(0.4722222222222222222222222222m));

        Assert.Equal(8, vat.Pence);
    }

    [Fact]
    public void Gross_IsUnitPriceTimesQuantity_BeforeAnyReduction()
    {
        var price = JobPricing.Price(Terms, Oven, 7, 7, AllLate, Fee);

        Assert.Equal(7 * 34_500, price.Gross.Pence);
        Assert.Equal(193_200, price.Net.Pence);
    }

    [Fact]
    public void Fee_IsRecorded_AndNeverDeductedFromThePayment()
    {
        var withFee = JobPricing.Price(Terms, Oven, 1, 1, OnTime, Money.FromPence(500));
        var withoutFee = JobPricing.Price(Terms, Oven, 1, 1, OnTime, Money.Zero);

        Assert.Equal(500, withFee.Fee.Pence);
        Assert.Equal(withoutFee.Payable, withFee.Payable);
    }

    [Fact]
    public void CumulativeUnitsBelowTheJobsOwnQuantity_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JobPricing.Price(Terms, Oven, 3, 2, OnTime, Fee));

    private static PriceBreakdown Price(ContractTerms terms, SupplierLateness lateness) => JobPricing.Price(terms, Oven, 1, 1, lateness, Fee);

    // The VAT the engine charges under a rate no client could send (28 places), set through the domain's own types.
    private static Money ExactVat(ContractTerms terms, Rate vatRate) =>
        JobPricing.Price(
            new ContractTerms(terms.Title, terms.SupplierId, terms.Starts, terms.Ends, vatRate, terms.Items, terms.Timescales, terms.VolumeDiscount, terms.LatePenalty),
            Oven, 1, 1, OnTime, Fee).Vat;

    // The sample terms with the oven at unitPrice pence, one discount tier from the first unit, and VAT.
    private static ContractTerms TermsAt(long unitPrice, string discount, string vatRate = "0.20") =>
        TermsWith([(1, discount)], body =>
        {
            body["items"]![0]!["unitPrice"] = unitPrice;
            body["vatRate"] = vatRate;
        });
}
