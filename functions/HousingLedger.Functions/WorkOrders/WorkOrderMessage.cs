using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Jobs;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Functions.WorkOrders;

/// <summary>
/// The <c>work-orders</c> queue message: which job's work order to deliver, the event id of its sealed
/// <c>job.raised</c> (what the work order is read from), and which attempt this is. The issuer queues it once the
/// raise is sealed, with the raise itself (<see cref="Raised"/>), so delivering it reads nothing from the chain; a
/// message without it is read from the chain.
/// </summary>
public sealed record WorkOrderMessage(AssociationId Chain, JobId JobId, EventId RaisedEventId, int Attempt, LedgerTransaction? Raised = null)
{
    public string Write() => new JsonObject
    {
        ["chain"] = Chain.Value,
        ["jobId"] = JobId.Value,
        ["raisedEventId"] = RaisedEventId.Value,
        ["attempt"] = Attempt,
        ["raised"] = Raised?.ToJson(),
    }.ToJsonString();

    /// <summary>The message, or null when it is not one (retrying cannot make it readable).</summary>
    public static WorkOrderMessage? Read(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject root
                && TypedId.TryParse<AssociationId>(Text(root, "chain"), out var chain)
                && TypedId.TryParse<JobId>(Text(root, "jobId"), out var jobId)
                && TypedId.TryParse<EventId>(Text(root, "raisedEventId"), out var raisedEventId)
                && root["attempt"] is JsonValue attempt && attempt.TryGetValue<int>(out var number) && number >= 1)
            {
                var message = new WorkOrderMessage(chain, jobId, raisedEventId, number);
                return root["raised"] switch
                {
                    null => message,
                    JsonObject raised when LedgerTransaction.FromJson(raised) is { IsValid: true, Value: var tx }
                        && tx.Type == JobEventTypes.Raised && tx.Chain == chain.Value && tx.Subject == jobId.Value && tx.EventId == raisedEventId.Value
                        => message with { Raised = tx },
                    _ => null,
                };
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static string? Text(JsonObject root, string name) =>
        root[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
