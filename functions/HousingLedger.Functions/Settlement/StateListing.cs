using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;

namespace HousingLedger.Functions.Settlement;

/// <summary>
/// Reads every state row of a partition whose key starts with a prefix (an association's jobs, contracts, runs,
/// batches). The keys come from one query and each row through <see cref="StateStore.GetAsync"/>, so the rows'
/// storage format stays the store's business. Thread-safe.
/// </summary>
public sealed class StateListing(StorageClients storage, StateStore state)
{
    private const int ReadsInFlight = 16;

    private TableClient Table => storage.Tables.GetTableClient(StorageNames.StateTable);

    /// <summary>The rows of <paramref name="chain"/> whose keys start with <paramref name="prefix"/>, in key order.</summary>
    public async IAsyncEnumerable<(string RowKey, StoredDocument Row)> ReadAsync(
        string chain, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Ids reaching a key have passed Identifier's rule, and prefixes are the service's own, so nothing here needs escaping.
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = $"PartitionKey eq '{chain}' and RowKey ge '{prefix}' and RowKey lt '{end}'";
        var keys = new List<string>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        // A few reads in flight at a time: a partition of thousands of jobs is read in seconds, not minutes.
        foreach (var chunk in keys.Chunk(ReadsInFlight))
        {
            var rows = await Task.WhenAll(chunk.Select(key => state.GetAsync(chain, key, cancellationToken)));
            for (var i = 0; i < chunk.Length; i++)
            {
                if (rows[i] is { } row)
                {
                    yield return (chunk[i], row);
                }
            }
        }
    }

    /// <summary>When a row was last written, or null when there is none.</summary>
    public async Task<DateTimeOffset?> LastWrittenAsync(string chain, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(chain, rowKey, ["Timestamp"], cancellationToken);
        return response.HasValue ? response.Value!.Timestamp : null;
    }
}
