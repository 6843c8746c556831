using HousingLedger.Contracts;
using HousingLedger.Payments;
using HousingLedger.Values;
using static HousingLedger.Settlement.SettlementSamples;

namespace HousingLedger.Settlement;

/// <summary>SPEC §7: a run's settled jobs grouped into one batch per association and one transfer per supplier.</summary>
public sealed class SettlementPaymentsTests
{
    [Fact]
    public void Group_MakesOneEntryPerAssociation_AndOnePerSupplierInside_OrderedById()
    {
        var settled = new[]
        {
            Settled("job_c", "assoc_riverside", "sup_cookers01", payable: 100),
            Settled("job_a", "assoc_meadow", "sup_cookers01", payable: 200),
            Settled("job_b", "assoc_riverside", "sup_boilers02", payable: 300),
            Settled("job_d", "assoc_riverside", "sup_cookers01", payable: 400),
        };

        var grouped = SettlementPayments.Group(settled);

        Assert.Equal(["assoc_meadow", "assoc_riverside"], grouped.Select(association => association.AssociationId.Value));
        var riverside = grouped[1];
        Assert.Equal(["sup_boilers02", "sup_cookers01"], riverside.Suppliers.Select(supplier => supplier.SupplierId.Value));
        Assert.Equal(["job_c", "job_d"], riverside.Suppliers[1].Lines.Select(line => line.JobId));
        Assert.Equal((500L, 800L, 3), (riverside.Suppliers[1].Amount.Pence, riverside.Total.Pence, riverside.JobCount));
    }

    [Fact]
    public void Group_TotalsFeesForTheAssociationsStatement_AndLeavesThemOutOfThePayments()
    {
        var grouped = SettlementPayments.Group([Settled("job_a", "assoc_meadow", "sup_cookers01", payable: 200, fee: 30), Settled("job_b", "assoc_meadow", "sup_cookers01", payable: 300, fee: 30)]);

        var meadow = Assert.Single(grouped);
        Assert.Equal((60L, 500L), (meadow.Fees.Pence, meadow.Total.Pence));
    }

    [Fact]
    public void Group_NothingSettled_IsNoBatches() =>
        Assert.Empty(SettlementPayments.Group([]));

    [Fact]
    public void Group_SameJobTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => SettlementPayments.Group([Settled("job_a", "assoc_meadow", "sup_cookers01", 1), Settled("job_a", "assoc_meadow", "sup_cookers01", 1)]));

    [Fact]
    public void RemittanceLine_CarriesTheJobAndEveryFigureOfItsPrice()
    {
        var settled = Only(Settle([Approved("job_a", At(2026, 2, 1), quantity: 101)]), "job_a");

        var line = settled.ToRemittanceLine();

        Assert.Equal(
            new RemittanceLine("job_a", Contract.Value, Oven, 101, settled.Price.Gross, settled.Price.DiscountRate, settled.Price.PenaltyRate, settled.Price.Net, settled.Price.Vat),
            line);
        Assert.Equal(settled.Price.Payable, line.Payable);
    }

    [Fact]
    public void SupplierRemittances_BuildAValidPaymentBatch_WhoseControlSumIsTheAssociationsTotal()
    {
        var association = Assert.Single(SettlementPayments.Group(Settle([
            Approved("job_a", At(2026, 2, 1)),
            Approved("job_b", At(2026, 2, 2), quantity: 3)])));

        var batch = Batch(association, AsOf);

        ValidatedAssert.Accepted(batch);
        Assert.Equal(association.Total, batch.Value.ControlSum);
        Assert.Equal((1, 2), (batch.Value.NumberOfTransactions, batch.Value.NumberOfJobs));
    }

    private static SettledJob Settled(string jobId, string associationId, string supplierId, long payable, long fee = 25) =>
        new(
            Approved(jobId, At(2026, 2, 1), associationId: associationId) with { SupplierId = Ids.Supplier(supplierId) },
            new PriceBreakdown(Money.FromPence(payable), Rate.Zero, 1, Rate.Zero, 0, 0, Money.FromPence(payable), Money.Zero, Money.FromPence(fee)));
}
