using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Signing;

/// <summary>
/// Every public key that ever signed a block, so old blocks keep verifying after a key is rotated.
/// A key is recorded before the first block it signs is written.
/// </summary>
public sealed class SigningKeyRegistry(StorageClients storage)
{
    private const string Partition = "key";

    private readonly ConcurrentDictionary<string, bool> recorded = new(StringComparer.Ordinal);

    private TableClient Table => storage.Tables.GetTableClient(StorageNames.SigningKeysTable);

    public async Task RecordAsync(PublicSigningKey key, CancellationToken cancellationToken = default)
    {
        if (recorded.ContainsKey(key.KeyId))
        {
            return;
        }

        var document = key.ToJwk();
        await Table.UpsertEntityAsync(DocumentRow.Create(Partition, RowKeyFor(key.KeyId), document), TableUpdateMode.Replace, cancellationToken);
        recorded[key.KeyId] = true;
    }

    public async Task<IReadOnlyList<PublicSigningKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var keys = new List<PublicSigningKey>();
        await foreach (var entity in Table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", cancellationToken: cancellationToken))
        {
            var stored = PublicSigningKey.FromJwk(DocumentRow.Read(entity));
            keys.Add(stored.IsValid ? stored.Value : throw new InvalidDataException($"Stored signing key {entity.RowKey} is not a valid JWK."));
        }

        return keys;
    }

    /// <summary>Key Vault key ids are URLs, which a row key cannot hold; the row is named by their hash.</summary>
    private static string RowKeyFor(string keyId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keyId)));
}
