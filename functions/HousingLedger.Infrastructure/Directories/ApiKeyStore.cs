using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Directories;

/// <summary>
/// Associations' API keys, in the directory table's <c>apikey</c> partition: a row per key named by the SHA-256 of
/// the key (what a request is authenticated by), and a key ring per association (<c>ring|{associationId}</c>) that
/// lists its keys without their secrets. Both live in one partition so that issuing or revoking a key writes its row
/// and its ring in one entity-group transaction, the ring's version guarding rules over all of an association's keys
/// (it keeps an admin key).
/// </summary>
public sealed class ApiKeyStore(StorageClients storage)
{
    private const string Partition = "apikey";

    // A key's row is named by lowercase hex, so no key row can begin with 'r' and fall among the rings.
    private const string RingPrefix = "ring|";

    private TableClient Table => storage.Tables.GetTableClient(StorageNames.DirectoryTable);

    /// <summary>Whose the key with this hash is, and its role; null when no such key is live.</summary>
    public async Task<ApiKeyEntry?> FindAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, keyHash, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entry = DocumentRow.Read(response.Value!);
        return new ApiKeyEntry(TypedId.Parse<AssociationId>((string)entry["associationId"]!), (string)entry["role"]!);
    }

    /// <summary>The association's live keys as its ring lists them, with the ring's version to change it against.</summary>
    public async Task<KeyRing> GetRingAsync(AssociationId associationId, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, RingPrefix + associationId.Value, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return new KeyRing([], null);
        }

        var keys = DocumentRow.Read(response.Value!)["keys"]!.AsArray().Select(key => IssuedKey.FromJson(key!.AsObject())).ToList();
        return new KeyRing(keys, response.Value!.ETag.ToString());
    }

    /// <summary>
    /// Adds <paramref name="key"/> to the association's ring as read (<paramref name="ring"/>) and makes it live;
    /// false, having written nothing, when the ring changed since.
    /// </summary>
    public Task<bool> TryAddAsync(AssociationId associationId, KeyRing ring, IssuedKey key, CancellationToken cancellationToken = default)
    {
        var entry = new JsonObject { ["associationId"] = associationId.Value, ["role"] = key.Role, ["keyId"] = key.KeyId.Value };
        return TrySubmitAsync(
            new TableTransactionAction(TableTransactionActionType.Add, DocumentRow.Create(Partition, key.KeyHash, entry)),
            RingAction(associationId, ring, [.. ring.Keys, key]),
            cancellationToken);
    }

    /// <summary>
    /// Takes <paramref name="key"/> off the association's ring as read (<paramref name="ring"/>), after which it
    /// authenticates nothing; false, having written nothing, when the ring changed since.
    /// </summary>
    public Task<bool> TryRemoveAsync(AssociationId associationId, KeyRing ring, IssuedKey key, CancellationToken cancellationToken = default) =>
        TrySubmitAsync(
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, key.KeyHash), ETag.All),
            RingAction(associationId, ring, [.. ring.Keys.Where(k => k.KeyId != key.KeyId)]),
            cancellationToken);

    private static TableTransactionAction RingAction(AssociationId associationId, KeyRing ring, IEnumerable<IssuedKey> keys)
    {
        var row = DocumentRow.Create(Partition, RingPrefix + associationId.Value, new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.ToJson())]) });
        return ring.Version is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(ring.Version));
    }

    private async Task<bool> TrySubmitAsync(TableTransactionAction keyRow, TableTransactionAction ringRow, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync([keyRow, ringRow], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 1 && ex.Status is 409 or 412)
        {
            return false;
        }
    }
}

/// <summary>Whose an API key is, and its role's name.</summary>
public sealed record ApiKeyEntry(AssociationId AssociationId, string Role);

/// <summary>An association's live keys, and the version of its ring they were read at (null when it has none yet).</summary>
public sealed record KeyRing(IReadOnlyList<IssuedKey> Keys, string? Version);

/// <summary>A live key as its association's ring lists it: never the key itself, only its SHA-256.</summary>
public sealed record IssuedKey(ApiKeyId KeyId, string Name, string Role, DateTimeOffset CreatedAt, string KeyHash)
{
    internal JsonObject ToJson() => new()
    {
        ["keyId"] = KeyId.Value,
        ["name"] = Name,
        ["role"] = Role,
        ["createdAt"] = UtcTimestamp.Format(CreatedAt),
        ["keyHash"] = KeyHash,
    };

    internal static IssuedKey FromJson(JsonObject json) => new(
        TypedId.Parse<ApiKeyId>((string)json["keyId"]!),
        (string)json["name"]!,
        (string)json["role"]!,
        UtcTimestamp.TryParse((string?)json["createdAt"], out var createdAt) ? createdAt : throw new InvalidDataException($"Key {json["keyId"]} has no valid createdAt."),
        (string)json["keyHash"]!);
}
