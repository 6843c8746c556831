namespace HousingLedger.Audit;

/// <summary>A payment batch's <c>batch.created</c>: which run made it, and that run's as-of time T.</summary>
/// <param name="BatchId">The batch, as each <c>job.settled</c> it pays names it.</param>
/// <param name="RunId">The settlement run; one run prices every association with one lateness per contract.</param>
/// <param name="AsOf">T: the run's as-of time.</param>
public sealed record RecordedBatch(string BatchId, string RunId, DateTimeOffset AsOf);
