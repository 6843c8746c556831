using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Tests.Directories;

/// <summary>
/// Which association and supplier a job belongs to, against Azurite: claimed once across the service, and found
/// again without a storage call, since an owner never changes.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class DirectoryStoreTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private readonly StorageOperationCounts counts = new(DateTimeOffset.UtcNow);
    private readonly JobOwner owner = new(TypedId.New<AssociationId>(), TypedId.New<SupplierId>());
    private readonly JobId job = TypedId.New<JobId>();
    private DirectoryStore store = null!;

    public async Task InitializeAsync()
    {
        await azurite.Storage.Tables.CreateTableIfNotExistsAsync(StorageNames.DirectoryTable);
        store = new DirectoryStore(StorageClients.FromConnectionString(azurite.ConnectionString, counts));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task A_job_is_claimed_by_one_association_and_a_retried_claim_by_it_still_holds()
    {
        Assert.True(await store.TryClaimJobAsync(job, owner));
        Assert.True(await store.TryClaimJobAsync(job, owner));
        Assert.False(await store.TryClaimJobAsync(job, owner with { AssociationId = TypedId.New<AssociationId>() }));
        Assert.Equal(owner, await store.FindJobAsync(job));
    }

    [Fact]
    public async Task An_owner_this_process_claimed_is_found_without_reading_storage()
    {
        Assert.True(await store.TryClaimJobAsync(job, owner));
        var before = counts.Snapshot();

        Assert.Equal(owner, await store.FindJobAsync(job));

        Assert.Equal(0, counts.Snapshot().Minus(before).Operations);
    }

    [Fact]
    public async Task An_owner_once_found_is_found_again_without_reading_storage()
    {
        using (var claimingProcess = new DirectoryStore(azurite.Storage))
        {
            Assert.True(await claimingProcess.TryClaimJobAsync(job, owner));
        }

        Assert.Equal(owner, await store.FindJobAsync(job));
        var before = counts.Snapshot();

        Assert.Equal(owner, await store.FindJobAsync(job));

        Assert.Equal(0, counts.Snapshot().Minus(before).Operations);
    }

    [Fact]
    public async Task A_job_not_claimed_yet_is_found_once_it_is()
    {
        Assert.Null(await store.FindJobAsync(job));

        Assert.True(await store.TryClaimJobAsync(job, owner));

        Assert.Equal(owner, await store.FindJobAsync(job));
    }
}
