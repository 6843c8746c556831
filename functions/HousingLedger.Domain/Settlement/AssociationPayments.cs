using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// What one association pays in a run (SPEC §7): one <see cref="SupplierRemittance"/> per supplier, ordered by
/// supplier id, which become one payment batch; and the operator's fees for the jobs settled, which go on the
/// association's fee statement instead.
/// </summary>
/// <param name="AssociationId">The association that pays.</param>
/// <param name="Suppliers">One per supplier paid.</param>
/// <param name="Fees">The operator's fee for every job settled, summed.</param>
public sealed record AssociationPayments(AssociationId AssociationId, IReadOnlyList<SupplierRemittance> Suppliers, Money Fees)
{
    /// <summary>The batch total: what all the suppliers are paid.</summary>
    public Money Total => Money.Sum(Suppliers.Select(supplier => supplier.Amount));

    /// <summary>How many jobs were settled.</summary>
    public int JobCount => Suppliers.Sum(supplier => supplier.Lines.Count);
}
