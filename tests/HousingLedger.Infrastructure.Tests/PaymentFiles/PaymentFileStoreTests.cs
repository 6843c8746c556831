using System.Text;
using HousingLedger.Infrastructure.PaymentFiles;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Payments;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Tests.PaymentFiles;

/// <summary>Payment files in Blob Storage against Azurite: written once, never overwritten, read back byte for byte.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class PaymentFileStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string folder = PaymentFileStore.FolderOf(Identifier.New("asc"), new DateOnly(2026, 10, 1), Identifier.New("bat"));
    private PaymentFileStore store = null!;

    public async Task InitializeAsync()
    {
        await azurite.Storage.Blobs.GetBlobContainerClient(StorageNames.PaymentBatchesContainer).CreateIfNotExistsAsync();
        store = new PaymentFileStore(azurite.Storage);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void A_batch_folder_is_association_then_day_then_batch()
    {
        Assert.Equal("asc_1/2026-10-01/bat_2", PaymentFileStore.FolderOf("asc_1", new DateOnly(2026, 10, 1), "bat_2"));
    }

    [Fact]
    public async Task A_file_is_written_once_and_read_back_with_its_media_type()
    {
        var file = Bacs("record one");

        Assert.Equal(PaymentFileWrite.Written, await store.WriteAsync(folder, file));
        var stored = await store.ReadAsync(folder, file.Name);

        Assert.NotNull(stored);
        Assert.Equal(file.Content.ToArray(), stored.Content);
        Assert.Equal(file.ContentType, stored.ContentType);
    }

    [Fact]
    public async Task Writing_the_same_bytes_again_finds_them_stored()
    {
        await store.WriteAsync(folder, Bacs("record one"));

        Assert.Equal(PaymentFileWrite.AlreadyStored, await store.WriteAsync(folder, Bacs("record one")));
    }

    [Fact]
    public async Task Other_bytes_under_a_stored_name_are_refused_and_the_stored_file_is_untouched()
    {
        await store.WriteAsync(folder, Bacs("record one"));

        Assert.Equal(PaymentFileWrite.Differs, await store.WriteAsync(folder, Bacs("record two")));
        Assert.Equal("record one", Encoding.ASCII.GetString((await store.ReadAsync(folder, "bacs18.txt"))!.Content));
    }

    [Fact]
    public async Task A_missing_file_reads_as_none()
    {
        Assert.Null(await store.ReadAsync(folder, "remittance.csv"));
    }

    private static PaymentFile Bacs(string text) => new("bacs18.txt", "text/plain; charset=us-ascii", Encoding.ASCII.GetBytes(text));
}
