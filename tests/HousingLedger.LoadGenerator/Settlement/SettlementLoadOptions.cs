namespace HousingLedger.LoadGenerator.Settlement;

/// <summary>What one settlement measurement seeds: a contract year's settled history, and the jobs the run pays.</summary>
/// <param name="Settled">Jobs approved and settled earlier in the contract year: read for volume and lateness, not paid.</param>
/// <param name="Payable">Jobs approved since, unsettled: the run pays each.</param>
public sealed record SettlementLoadOptions(int Settled, int Payable);
