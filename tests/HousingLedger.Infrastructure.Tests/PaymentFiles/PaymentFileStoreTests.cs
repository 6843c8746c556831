using System.Security.Cryptography;
using System.Text;
using HousingLedger.Infrastructure.PaymentFiles;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Payments;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Tests.PaymentFiles;

/// <summary>Payment files in Blob Storage against Azurite: written whole or streamed, once, never overwritten, read back byte for byte.</summary>
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
        var stored = await ReadAsync(file.Name);

        Assert.NotNull(stored);
        Assert.Equal(file.Content.ToArray(), stored.Value.Content);
        Assert.Equal(file.ContentType, stored.Value.ContentType);
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
        Assert.Equal("record one", Encoding.ASCII.GetString((await ReadAsync("bacs18.txt"))!.Value.Content));
    }

    [Fact]
    public async Task A_streamed_file_larger_than_a_block_is_stored_whole_and_hashed_as_written()
    {
        var bytes = new byte[9 * 1024 * 1024 + 123];
        new Random(7).NextBytes(bytes);

        var (outcome, digest) = await StreamAsync("remittance.csv", bytes);

        Assert.Equal(PaymentFileWrite.Written, outcome);
        Assert.Equal(new PaymentFileDigest("remittance.csv", Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length), digest);
        var stored = await ReadAsync("remittance.csv");
        Assert.Equal(bytes, stored!.Value.Content);
        Assert.Equal("text/csv; charset=utf-8", stored.Value.ContentType);
    }

    [Fact]
    public async Task A_streamed_file_is_not_there_until_it_is_committed()
    {
        using var upload = store.Begin(folder, "remittance.csv", "text/csv; charset=utf-8");
        await upload.WriteAsync("supplier_id\r\n"u8.ToArray());

        Assert.Null(await ReadAsync("remittance.csv"));
        Assert.Equal(PaymentFileWrite.Written, (await upload.CommitAsync()).Outcome);
        Assert.NotNull(await ReadAsync("remittance.csv"));
    }

    [Fact]
    public async Task Streaming_a_stored_file_again_finds_the_same_bytes_stored_and_refuses_others()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("sup_a,job_a,con_a\r\n", 1000)));
        await StreamAsync("remittance.csv", bytes);

        Assert.Equal(PaymentFileWrite.AlreadyStored, (await StreamAsync("remittance.csv", bytes)).Outcome);
        Assert.Equal(PaymentFileWrite.Differs, (await StreamAsync("remittance.csv", [.. bytes, (byte)'x'])).Outcome);
        Assert.Equal(bytes, (await ReadAsync("remittance.csv"))!.Value.Content);
    }

    [Fact]
    public async Task A_missing_file_reads_as_none()
    {
        Assert.Null(await ReadAsync("remittance.csv"));
    }

    // Reads a stored file as the download route does, a piece at a time; null when there is none.
    private async Task<(byte[] Content, string ContentType)?> ReadAsync(string name)
    {
        await using var stored = await store.OpenAsync(folder, name);
        if (stored is null)
        {
            return null;
        }

        using var bytes = new MemoryStream();
        await stored.Content.CopyToAsync(bytes);
        Assert.Equal(stored.Length, bytes.Length);
        return (bytes.ToArray(), stored.ContentType);
    }

    // Writes the bytes in uneven pieces, as rows arrive.
    private async Task<(PaymentFileWrite Outcome, PaymentFileDigest Digest)> StreamAsync(string name, byte[] bytes)
    {
        using var upload = store.Begin(folder, name, "text/csv; charset=utf-8");
        for (var start = 0; start < bytes.Length; start += 100_003)
        {
            await upload.WriteAsync(bytes.AsMemory(start, Math.Min(100_003, bytes.Length - start)));
        }

        return await upload.CommitAsync();
    }

    private static PaymentFile Bacs(string text) => new("bacs18.txt", "text/plain; charset=us-ascii", Encoding.ASCII.GetBytes(text));
}
