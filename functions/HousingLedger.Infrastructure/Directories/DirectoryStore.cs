using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Ledger;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Directories;

/// <summary>
/// Lookups across the whole service, one partition per kind: which association and supplier each job belongs to
/// (<c>job</c>), since a supplier's webhook names only the job, and the witnesses associations registered
/// (<c>witness</c>), by the SHA-256 of the name and key id that open their cosignatures. API keys have a store of
/// their own (<see cref="ApiKeyStore"/>); associations and suppliers themselves are state of the operator's chain.
/// </summary>
public sealed class DirectoryStore(StorageClients storage) : IDisposable
{
    private const string Jobs = "job";
    private const string Witnesses = "witness";

    /// <summary>Job owners kept in memory: about 200 bytes each, so at most some tens of megabytes.</summary>
    private const int OwnersKept = 100_000;

    // A job's owner never changes once claimed and its row is never deleted, so a found owner can be kept for as long
    // as memory allows: each of a job's supplier webhooks after the first then reads no row to find its chain.
    private readonly MemoryCache owners = new(new MemoryCacheOptions { SizeLimit = OwnersKept });

    private TableClient Table => storage.Tables.GetTableClient(StorageNames.DirectoryTable);

    /// <summary>
    /// Claims <paramref name="jobId"/> across the service for <paramref name="owner"/>; true when it is now, or already
    /// was, that association's (a retried raise keeps its claim), false when another association holds it.
    /// </summary>
    public async Task<bool> TryClaimJobAsync(JobId jobId, JobOwner owner, CancellationToken cancellationToken = default)
    {
        var entry = new JsonObject { ["associationId"] = owner.AssociationId.Value, ["supplierId"] = owner.SupplierId.Value };
        if (await TryCreateAsync(Jobs, jobId.Value, entry, cancellationToken))
        {
            // Kept from the claim, so the job's first webhook reads no row either when it reaches this process.
            Keep(jobId, owner);
            return true;
        }

        return (await FindJobAsync(jobId, cancellationToken))?.AssociationId == owner.AssociationId;
    }

    public async Task<JobOwner?> FindJobAsync(JobId jobId, CancellationToken cancellationToken = default)
    {
        if (owners.TryGetValue(jobId, out JobOwner? known))
        {
            return known;
        }

        if (await GetAsync(Jobs, jobId.Value, cancellationToken) is not { } entry)
        {
            // Not kept: the job may be claimed a moment from now.
            return null;
        }

        return Keep(jobId, new JobOwner(TypedId.Parse<AssociationId>((string)entry["associationId"]!), TypedId.Parse<SupplierId>((string)entry["supplierId"]!)));
    }

    public void Dispose() => owners.Dispose();

    private JobOwner Keep(JobId jobId, JobOwner owner) => owners.Set(jobId, owner, new MemoryCacheEntryOptions { Size = 1 });

    /// <summary>Records <paramref name="witness"/> as the witness of <paramref name="associationId"/>; false when another association registered it.</summary>
    public async Task<bool> TryRegisterWitnessAsync(CosignerKey witness, AssociationId associationId, CancellationToken cancellationToken = default)
    {
        var entry = new JsonObject { ["associationId"] = associationId.Value, ["verifierKey"] = witness.ToVerifierKey() };
        return await TryCreateAsync(Witnesses, WitnessRow(witness.Name, witness.KeyId), entry, cancellationToken)
            || (await FindWitnessAsync(witness.Name, witness.KeyId, cancellationToken))?.AssociationId == associationId;
    }

    /// <summary>The registered witness whose cosignatures open with <paramref name="name"/> and <paramref name="keyId"/>; null when there is none.</summary>
    public async Task<RegisteredWitness?> FindWitnessAsync(string name, byte[] keyId, CancellationToken cancellationToken = default) =>
        await GetAsync(Witnesses, WitnessRow(name, keyId), cancellationToken) is { } entry
            && CosignerKey.Parse((string)entry["verifierKey"]!, out _) is { } key
            ? new RegisteredWitness(TypedId.Parse<AssociationId>((string)entry["associationId"]!), key)
            : null;

    // A witness's name is a URL, with characters a row key may not hold, so its row is named by a hash.
    private static string WitnessRow(string name, byte[] keyId) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(name + "\n"), .. keyId]));

    private async Task<bool> TryCreateAsync(string kind, string id, JsonObject document, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(DocumentRow.Create(kind, id, document), cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private async Task<JsonObject?> GetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(kind, id, cancellationToken: cancellationToken);
        return response.HasValue ? DocumentRow.Read(response.Value!) : null;
    }
}

/// <summary>A witness an association registered: whose it is, and the key its cosignatures verify under.</summary>
public sealed record RegisteredWitness(AssociationId AssociationId, CosignerKey Key);

/// <summary>The association that raised a job, and the supplier doing it.</summary>
public sealed record JobOwner(AssociationId AssociationId, SupplierId SupplierId);
