using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Tests.Directories;

/// <summary>
/// An association's keys against Azurite: a key and its ring change together or not at all, and a change decided on
/// a ring that has changed since is refused, having written nothing.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ApiKeyStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly AssociationId association = TypedId.New<AssociationId>();
    private ApiKeyStore store = null!;

    public async Task InitializeAsync()
    {
        await azurite.Storage.Tables.CreateTableIfNotExistsAsync(StorageNames.DirectoryTable);
        store = new ApiKeyStore(azurite.Storage);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_added_key_is_found_by_its_hash_and_listed_and_a_removed_one_is_neither()
    {
        var key = Key("admin");

        Assert.True(await store.TryAddAsync(association, await store.GetRingAsync(association), key));
        Assert.Equal(new ApiKeyEntry(association, "admin"), await store.FindAsync(key.KeyHash));
        Assert.Equal([key], (await store.GetRingAsync(association)).Keys);

        Assert.True(await store.TryRemoveAsync(association, await store.GetRingAsync(association), key));
        Assert.Null(await store.FindAsync(key.KeyHash));
        Assert.Empty((await store.GetRingAsync(association)).Keys);
    }

    [Fact]
    public async Task A_change_decided_on_a_ring_that_changed_since_is_refused_and_writes_nothing()
    {
        var first = Key("admin");
        var empty = await store.GetRingAsync(association);
        Assert.True(await store.TryAddAsync(association, empty, first));
        var stale = await store.GetRingAsync(association);
        Assert.True(await store.TryAddAsync(association, stale, Key("admin")));

        var late = Key("finance");
        Assert.False(await store.TryAddAsync(association, empty, late));
        Assert.False(await store.TryAddAsync(association, stale, late));
        Assert.False(await store.TryRemoveAsync(association, stale, first));

        Assert.Null(await store.FindAsync(late.KeyHash));
        Assert.NotNull(await store.FindAsync(first.KeyHash));
        Assert.Equal(2, (await store.GetRingAsync(association)).Keys.Count);
    }

    private static IssuedKey Key(string role) =>
        new(TypedId.New<ApiKeyId>(), "a key", role, Now, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
}
