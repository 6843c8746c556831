using HousingLedger.Jobs;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Audit;

/// <summary>
/// The <c>data</c> of a <c>job.raised</c>: what was ordered under which contract and terms, and the supplier and
/// deadline the service wrote beside it, which must be the ones the terms give.
/// </summary>
internal sealed record RaisedData(
    ContractId ContractId, string TermsHash, string SupplierId, string ItemCode, int Quantity, string Priority, string PropertyRef, DateTimeOffset Deadline)
{
    public static RaisedData? Read(JsonObjectReader fields)
    {
        var contractId = fields.Identifier("contractId");
        var termsHash = fields.Text("termsHash");
        var supplierId = fields.Text("supplierId");
        var itemCode = fields.Text("itemCode");
        var quantity = fields.Integer("quantity", 1, JobLifecycle.MaxQuantity);
        var priority = fields.Text("priority");
        var propertyRef = fields.Text("propertyRef");
        var deadline = fields.Instant("deadline");
        return fields.IsValid
            ? new RaisedData(TypedId.Parse<ContractId>(contractId!), termsHash!, supplierId!, itemCode!, (int)quantity!.Value, priority!, propertyRef!, deadline!.Value)
            : null;
    }

    /// <summary>Each recorded member that is not what raising the job under <paramref name="contract"/> gives.</summary>
    public IEnumerable<FieldError> Disagreements(Job raised, AuditedContract contract)
    {
        if (TermsHash != contract.TermsHash)
        {
            yield return new FieldError("data.termsHash", $"recorded {TermsHash}; contract {ContractId} has terms {contract.TermsHash}");
        }

        if (SupplierId != raised.SupplierId.Value)
        {
            yield return new FieldError("data.supplierId", $"recorded {SupplierId}; the terms name {raised.SupplierId}");
        }

        if (Deadline != raised.Deadline)
        {
            yield return new FieldError("data.deadline", $"recorded {UtcTimestamp.Format(Deadline)}; the terms give {UtcTimestamp.Format(raised.Deadline)}");
        }
    }
}
