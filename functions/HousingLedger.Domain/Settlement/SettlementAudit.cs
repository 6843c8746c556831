using System.Text.Json.Nodes;
using HousingLedger.Contracts;
using HousingLedger.Validation;

namespace HousingLedger.Settlement;

/// <summary>
/// Re-derives a payment from the ledger alone, as an auditor does (SPEC §1): the terms from
/// <c>contract.registered</c> or <c>contract.joined</c>, the item and quantity from <c>job.raised</c>, and the
/// counts the <c>job.settled</c> recorded. The counts themselves come from the chain's approvals and completions;
/// <see cref="SettlementEngine"/> derives them again from the same jobs. Thread-safe.
/// </summary>
public static class SettlementAudit
{
    /// <summary>
    /// Reads <paramref name="settledData"/> (see <see cref="PriceBreakdown.FromLedgerData"/>) and prices the job again
    /// from <paramref name="terms"/>, <paramref name="itemCode"/>, <paramref name="quantity"/> and the recorded
    /// cumulative units, late jobs, jobs in scope and fee. Valid, with the recorded breakdown, when every recorded
    /// figure is the one the terms give; otherwise a field error per figure that differs, saying both values.
    /// </summary>
    public static Validated<PriceBreakdown> Recompute(JsonObject settledData, ContractTerms terms, string itemCode, int quantity)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var recorded = PriceBreakdown.FromLedgerData(settledData);
        if (!recorded.IsValid)
        {
            return recorded;
        }

        var again = Reprice(recorded.Value, terms, itemCode, quantity);
        if (!again.IsValid)
        {
            return again;
        }

        var differences = recorded.Value.FiguresDifferingFrom(again.Value)
            .Select(difference => new FieldError(difference.Figure, $"recorded {difference.Recorded}; the terms give {difference.Rederived}"))
            .ToList();
        return differences.Count == 0 ? recorded : Validated<PriceBreakdown>.Invalid(differences);
    }

    /// <summary>
    /// The price <paramref name="terms"/> give a job of <paramref name="quantity"/> × <paramref name="itemCode"/> from
    /// the counts and fee <paramref name="recorded"/> holds: what its other figures must be. Refused at
    /// <c>itemCode</c> when the contract lacks the item, and at <c>cumulativeUnits</c> when the count leaves out the
    /// job's own units.
    /// </summary>
    public static Validated<PriceBreakdown> Reprice(PriceBreakdown recorded, ContractTerms terms, string itemCode, int quantity)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.ItemFor(itemCode) is null)
        {
            return Validated<PriceBreakdown>.Invalid("itemCode", $"the contract has no item {itemCode}");
        }

        if (quantity < 1 || recorded.CumulativeUnits < quantity)
        {
            return Validated<PriceBreakdown>.Invalid("cumulativeUnits", $"must count the job's own {quantity} units; found {recorded.CumulativeUnits}");
        }

        var lateness = new SupplierLateness(recorded.LateJobs, recorded.JobsInScope);
        return Validated<PriceBreakdown>.Valid(JobPricing.Price(terms, itemCode, quantity, recorded.CumulativeUnits, lateness, recorded.Fee));
    }
}
