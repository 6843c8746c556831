using HousingLedger.Settlement;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>A <c>job.settled</c> as recorded: where, when, for which job and batch, and its figures as read.</summary>
/// <param name="Chain">The chain it is on: the association that pays.</param>
/// <param name="EventId">Its event id.</param>
/// <param name="JobId">The job it pays.</param>
/// <param name="RecordedAt">When the service accepted it; the run saw only what was recorded before.</param>
/// <param name="Price">Its figures, or the field errors that stop them being read (<see cref="PriceBreakdown.FromLedgerData"/>).</param>
/// <param name="BatchId">The batch that pays it; null when the data names none.</param>
public sealed record RecordedSettlement(
    AssociationId Chain, string EventId, JobId JobId, DateTimeOffset RecordedAt, Validated<PriceBreakdown> Price, string? BatchId);
