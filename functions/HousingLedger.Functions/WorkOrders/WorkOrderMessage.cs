using System.Text.Json;
using HousingLedger.Values;

namespace HousingLedger.Functions.WorkOrders;

/// <summary>The <c>work-orders</c> queue message: which job's work order to deliver, and which attempt this is.</summary>
public sealed record WorkOrderMessage(string Chain, string JobId, int Attempt)
{
    public string Write() => JsonSerializer.Serialize(new { chain = Chain, jobId = JobId, attempt = Attempt });

    public static WorkOrderMessage? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("chain", out var chain) && Identifier.IsValid(chain.ValueKind == JsonValueKind.String ? chain.GetString() : null)
                && root.TryGetProperty("jobId", out var jobId) && Identifier.IsValid(jobId.ValueKind == JsonValueKind.String ? jobId.GetString() : null)
                && root.TryGetProperty("attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number && attempt.TryGetInt32(out var number) && number >= 1)
            {
                return new WorkOrderMessage(chain.GetString()!, jobId.GetString()!, number);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
