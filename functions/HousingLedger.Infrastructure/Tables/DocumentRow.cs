using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace HousingLedger.Infrastructure.Tables;

/// <summary>A row that carries one JSON document in its <c>Doc</c> properties.</summary>
public static class DocumentRow
{
    public static TableEntity Create(string partitionKey, string rowKey, JsonObject document)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        LargeText.Write(entity, "Doc", document.ToJsonString());
        return entity;
    }

    public static JsonObject Read(TableEntity entity) =>
        JsonNode.Parse(LargeText.Read(entity, "Doc"))?.AsObject()
        ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} holds no document.");
}
