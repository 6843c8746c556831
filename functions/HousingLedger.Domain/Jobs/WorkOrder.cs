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
        try
        {
            return new WorkOrder(
                TypedId.Parse<JobId>(raised.Subject), TypedId.Parse<AssociationId>(raised.Chain), TypedId.Parse<SupplierId>((string)data["supplierId"]!),
                TypedId.Parse<ContractId>((string)data["contractId"]!), (string)data["itemCode"]!, (int)data["quantity"]!,
                (string)data["priority"]!, (string)data["propertyRef"]!, UtcTimestamp.Format(raised.OccurredAt), (string)data["deadline"]!);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The {JobEventTypes.Raised} of job {raised.Subject} lacks a member a work order needs.", ex);
        }
    }

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
