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

        var figures = recorded.Value;
        if (terms.ItemFor(itemCode) is null)
        {
            return Validated<PriceBreakdown>.Invalid("itemCode", $"the contract has no item {itemCode}");
        }

        if (quantity < 1 || figures.CumulativeUnits < quantity)
        {
            return Validated<PriceBreakdown>.Invalid("cumulativeUnits", $"must count the job's own {quantity} units; found {figures.CumulativeUnits}");
        }

        var lateness = new SupplierLateness(figures.LateJobs, figures.JobsInScope);
        var again = JobPricing.Price(terms, itemCode, quantity, figures.CumulativeUnits, lateness, figures.Fee).ToLedgerData();
        var recordedData = figures.ToLedgerData();
        var differences = again
            .Where(member => !JsonNode.DeepEquals(member.Value, recordedData[member.Key]))
            .Select(member => new FieldError(member.Key, $"recorded {recordedData[member.Key]?.ToJsonString()}; the terms give {member.Value?.ToJsonString()}"))
            .ToList();
        return differences.Count == 0 ? recorded : Validated<PriceBreakdown>.Invalid(differences);
    }
}
