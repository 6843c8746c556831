using HousingLedger.Ledger;
using HousingLedger.Validation;

namespace HousingLedger.Audit;

/// <summary>Irregularities of one transaction, as the readers of each transaction type report them.</summary>
internal static class Irregular
{
    public static AuditFinding.Irregularity At(LedgerTransaction tx, string field, string problem) => new(tx.Chain, tx.EventId, field, problem);

    /// <summary>One irregularity per field error, e.g. each member of its data that could not be read.</summary>
    public static List<AuditFinding.Irregularity> Each(LedgerTransaction tx, IEnumerable<FieldError> errors) =>
        [.. errors.Select(error => At(tx, error.Field, error.Message))];
}
