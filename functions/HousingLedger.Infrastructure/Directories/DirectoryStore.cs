using System.Text.Json.Nodes;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;

namespace HousingLedger.Infrastructure.Directories;

/// <summary>
/// Lookups across the whole service: API keys (by hash) and which association each job belongs to (a supplier's
/// webhook names only the job). Partition = kind, row = id. Associations and suppliers themselves are state of
/// the operator's chain (<see cref="HousingLedger.Infrastructure.State.StateStore"/>).
/// </summary>
public sealed class DirectoryStore(StorageClients storage)
{
    private TableClient Table => storage.Tables.GetTableClient(StorageNames.DirectoryTable);

    /// <summary>Creates an entry; false, having written nothing, when the id is taken.</summary>
    public async Task<bool> TryCreateAsync(DirectoryKind kind, string id, JsonObject document, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(DocumentRow.Create(kind.Name, id, document), cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<JsonObject?> GetAsync(DirectoryKind kind, string id, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(kind.Name, id, cancellationToken: cancellationToken);
        return response.HasValue ? DocumentRow.Read(response.Value!) : null;
    }
}

/// <summary>The kinds of directory entry; each is one partition.</summary>
public readonly record struct DirectoryKind(string Name)
{
    /// <summary>An API key, found by the SHA-256 of the key.</summary>
    public static DirectoryKind ApiKey { get; } = new("apikey");

    /// <summary>A job's owning association and supplier, found by job id.</summary>
    public static DirectoryKind Job { get; } = new("job");
}
