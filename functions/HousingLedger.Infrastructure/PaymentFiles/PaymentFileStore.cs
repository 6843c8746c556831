using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Payments;

namespace HousingLedger.Infrastructure.PaymentFiles;

/// <summary>
/// Payment batch files in Blob Storage, container <c>payment-batches</c>, under
/// <c>{associationId}/{yyyy-MM-dd}/{batchId}/{file}</c> (SPEC §7). Files are never overwritten: a write creates
/// the blob only if none exists (<c>If-None-Match: *</c>), and when one does, its bytes must be the ones that
/// would have been written. A small file is written whole from memory; a large one is streamed
/// (<see cref="Begin"/>), and every file is read as it downloads (<see cref="OpenAsync"/>), so no large file is
/// ever held in memory.
/// Thread-safe; register once.
/// </summary>
public sealed class PaymentFileStore(StorageClients storage)
{
    private BlobContainerClient Container => storage.Blobs.GetBlobContainerClient(StorageNames.PaymentBatchesContainer);

    /// <summary>The folder of a batch: <c>{associationId}/{yyyy-MM-dd}/{batchId}</c>.</summary>
    public static string FolderOf(string associationId, DateOnly day, string batchId)
    {
        ArgumentException.ThrowIfNullOrEmpty(associationId);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        return $"{associationId}/{day:yyyy-MM-dd}/{batchId}";
    }

    /// <summary>
    /// Stores <paramref name="file"/>, held whole in memory, in <paramref name="folder"/> unless it is there already
    /// (see <see cref="PaymentFileUpload.CommitAsync"/> for the outcomes).
    /// </summary>
    public async Task<PaymentFileWrite> WriteAsync(string folder, PaymentFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var upload = Begin(folder, file.Name, file.ContentType);
        await upload.WriteAsync(file.Content, cancellationToken);
        return (await upload.CommitAsync(cancellationToken)).Outcome;
    }

    /// <summary>Begins storing a file named <paramref name="name"/> in <paramref name="folder"/>, to be written a piece at a time.</summary>
    public PaymentFileUpload Begin(string folder, string name, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return new PaymentFileUpload(Container.GetBlockBlobClient(folder + "/" + name), name, contentType);
    }

    /// <summary>
    /// A stored file of <paramref name="folder"/>, open to be read as it downloads (one request), or null when
    /// there is none by that name. Dispose it once read.
    /// </summary>
    public async Task<StoredPaymentFile?> OpenAsync(string folder, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            var download = (await Container.GetBlobClient(folder + "/" + name).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return new StoredPaymentFile(name, download.Details.ContentType, download.Details.ContentLength, download.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>How storing one payment file ended.</summary>
public enum PaymentFileWrite
{
    /// <summary>This call created the file.</summary>
    Written,

    /// <summary>The file was there already, with exactly these bytes.</summary>
    AlreadyStored,

    /// <summary>A file of that name holds other bytes; it was not touched.</summary>
    Differs,
}

/// <summary>A payment file as stored: its name, media type and length in bytes, and its bytes as they download.</summary>
public sealed record StoredPaymentFile(string Name, string ContentType, long Length, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
