using System.Text.Json.Nodes;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Jobs;

/// <summary>
/// What a supplier is told to do: read from the job's sealed <c>job.raised</c> transaction alone, so the work order
/// and the ledger cannot disagree. Instants and names are passed on exactly as the ledger wrote them.
/// </summary>
public sealed record WorkOrder(
    JobId JobId, AssociationId AssociationId, SupplierId SupplierId, ContractId ContractId, string ItemCode, int Quantity, string Priority, string PropertyRef,
    string RaisedAt, string Deadline)
{
    /// <exception cref="InvalidDataException"><paramref name="raised"/> is not a <c>job.raised</c> as the service records one.</exception>
    public static WorkOrder FromRaised(LedgerTransaction raised)
    {
        if (raised.Type != JobEventTypes.Raised)
        {
            throw new InvalidDataException($"Event {raised.EventId} is a {raised.Type}, not a {JobEventTypes.Raised}.");
        }

        var data = raised.Data;
        string Text(string member) =>
            data[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Lacks(raised, member);

        int Number(string member) =>
            data[member] is JsonValue value && value.TryGetValue<int>(out var number) ? number : throw Lacks(raised, member);

        return TypedId.TryParse<JobId>(raised.Subject, out var jobId) && TypedId.TryParse<AssociationId>(raised.Chain, out var associationId)
            && TypedId.TryParse<SupplierId>(Text("supplierId"), out var supplierId) && TypedId.TryParse<ContractId>(Text("contractId"), out var contractId)
            ? new WorkOrder(
                jobId, associationId, supplierId, contractId, Text("itemCode"), Number("quantity"), Text("priority"), Text("propertyRef"),
                UtcTimestamp.Format(raised.OccurredAt), Text("deadline"))
            : throw new InvalidDataException($"The {JobEventTypes.Raised} of job {raised.Subject} names an id that is not one.");
    }

    private static InvalidDataException Lacks(LedgerTransaction raised, string member) =>
        new($"The {JobEventTypes.Raised} of job {raised.Subject} has no {member}, which a work order needs.");

    /// <summary>The body of the <c>work_order.issued</c> webhook, stamped <paramref name="issuedAt"/>.</summary>
    public JsonObject ToPayload(DateTimeOffset issuedAt) => new()
    {
        ["type"] = "work_order.issued",
        ["timestamp"] = UtcTimestamp.Format(issuedAt),
        ["data"] = new JsonObject
        {
            ["jobId"] = JobId.Value,
            ["associationId"] = AssociationId.Value,
            ["contractId"] = ContractId.Value,
            ["itemCode"] = ItemCode,
            ["quantity"] = Quantity,
            ["priority"] = Priority,
            ["propertyRef"] = PropertyRef,
            ["raisedAt"] = RaisedAt,
            ["deadline"] = Deadline,
        },
    };
}
