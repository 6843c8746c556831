using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// One association's part of a settlement run, as its state partition keeps it (<c>settlementrun|{runId}</c>).
/// The batch id is chosen before any job is settled, and every job settled names it, so a run that stopped half
/// way leaves jobs that say which batch they belong to; whoever finishes the run files exactly those.
/// </summary>
/// <param name="RunId">The run, shared by every association it settled.</param>
/// <param name="AssociationId">The association that pays.</param>
/// <param name="BatchId">The batch its settled jobs go into.</param>
/// <param name="AsOf">The run's as-of time T.</param>
/// <param name="StartedAt">When the run started; the batch's creation time and payment date come from it, so
/// whoever files the batch writes the same bytes.</param>
/// <param name="Status">How far it got.</param>
public sealed record SettlementRunRecord(
    string RunId, AssociationId AssociationId, string BatchId, DateTimeOffset AsOf, DateTimeOffset StartedAt, SettlementRunStatus Status)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The day the batch is dated, and the folder its files are written to.</summary>
    public DateOnly Day => DateOnly.FromDateTime(StartedAt.UtcDateTime);

    public JsonObject ToDocument() => JsonSerializer.SerializeToNode(this, Json)!.AsObject();

    public static SettlementRunRecord FromDocument(JsonObject document) =>
        document.Deserialize<SettlementRunRecord>(Json) ?? throw new InvalidDataException("A stored settlement run is empty.");
}

/// <summary>Where an association's part of a settlement run stands.</summary>
public enum SettlementRunStatus
{
    /// <summary>Jobs are being settled into its batch.</summary>
    Settling,

    /// <summary>Closed to more jobs; its batch is being filed (files, <c>batch.created</c>, finance's message).</summary>
    Filing,

    /// <summary>Its batch is filed and finance was told.</summary>
    Filed,

    /// <summary>It settled nothing (another run settled first every job it tried), so it has no batch.</summary>
    Empty,
}
