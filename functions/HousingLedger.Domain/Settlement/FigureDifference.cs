namespace HousingLedger.Settlement;

/// <summary>
/// One figure of a <c>job.settled</c> that is not what re-deriving it gives: its member name (<c>net</c>,
/// <c>discountRate</c> …) and both values as the ledger writes them (<c>34500</c>, <c>"0.05"</c>).
/// </summary>
/// <param name="Figure">The member of the <c>job.settled</c> data.</param>
/// <param name="Recorded">The value on the ledger, as JSON text.</param>
/// <param name="Rederived">The value re-deriving gives, as JSON text.</param>
public sealed record FigureDifference(string Figure, string Recorded, string Rederived);
