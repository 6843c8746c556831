using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HousingLedger.Jobs;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// A job as the state table keeps it: the domain <see cref="Job"/>, the events accepted for it in order, and
/// when the last was recorded (each later event of the job is recorded after it, so the ledger keeps their order).
/// </summary>
public sealed record JobRecord(Job Job, IReadOnlyList<JobEventEntry> Events, DateTimeOffset LastRecordedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public JsonObject ToDocument() => JsonSerializer.SerializeToNode(this, Json)!.AsObject();

    public static JobRecord FromDocument(JsonObject document) =>
        document.Deserialize<JobRecord>(Json) ?? throw new InvalidDataException("A stored job record is empty.");

    /// <summary>This record after one more event.</summary>
    public JobRecord With(Job next, JobEventEntry entry) => new(next, [.. Events, entry], entry.RecordedAt);
}

/// <summary>
/// One accepted event of a job, as <c>GET /api/jobs/{jobId}</c> lists it, with the ledger transaction's actor (null
/// in rows written before the actor was kept; the transaction on the chain has it).
/// </summary>
public sealed record JobEventEntry(string EventId, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? Actor = null);
