using System.Text.Json;
using HousingLedger.Values;

namespace HousingLedger.Functions.WorkOrders;

/// <summary>
/// The <c>work-orders</c> queue message: which job's work order to deliver, the event id of its sealed
/// <c>job.raised</c> (what the work order is read from), and which attempt this is.
/// </summary>
public sealed record WorkOrderMessage(AssociationId Chain, JobId JobId, EventId RaisedEventId, int Attempt)
{
    public string Write() => JsonSerializer.Serialize(new { chain = Chain.Value, jobId = JobId.Value, raisedEventId = RaisedEventId.Value, attempt = Attempt });

    /// <summary>The message, or null when it is not one (retrying cannot make it readable).</summary>
    public static WorkOrderMessage? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && TypedId.TryParse<AssociationId>(Text(root, "chain"), out var chain)
                && TypedId.TryParse<JobId>(Text(root, "jobId"), out var jobId)
                && TypedId.TryParse<EventId>(Text(root, "raisedEventId"), out var raisedEventId)
                && root.TryGetProperty("attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number && attempt.TryGetInt32(out var number) && number >= 1)
            {
                return new WorkOrderMessage(chain, jobId, raisedEventId, number);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
