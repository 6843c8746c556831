using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using HousingLedger.Payments;

namespace HousingLedger.Infrastructure.PaymentFiles;

/// <summary>
/// One payment file stored as it is written: its bytes go up in blocks of at most 4 MiB, so a file of any size
/// passes through a fixed buffer, and are hashed on the way. <see cref="CommitAsync"/> makes the blob whole in one
/// step, and only if no blob of that name exists yet (<c>If-None-Match: *</c>); until then nothing is visible.
/// Not thread-safe; one per file. Begin one with <see cref="PaymentFileStore.Begin"/>.
/// </summary>
public sealed class PaymentFileUpload : IDisposable
{
    private const int BlockSize = 4 * 1024 * 1024;

    private readonly BlockBlobClient blob;
    private readonly string name;
    private readonly string contentType;
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<string> blockIds = [];
    private readonly MemoryStream block = new();
    private long size;

    internal PaymentFileUpload(BlockBlobClient blob, string name, string contentType)
    {
        this.blob = blob;
        this.name = name;
        this.contentType = contentType;
    }

    /// <summary>Appends <paramref name="bytes"/> to the file.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        sha256.AppendData(bytes.Span);
        size += bytes.Length;
        while (!bytes.IsEmpty)
        {
            var taken = (int)Math.Min(bytes.Length, BlockSize - block.Length);
            block.Write(bytes.Span[..taken]);
            bytes = bytes[taken..];
            if (block.Length == BlockSize)
            {
                await StageAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Stores the file as written. <see cref="PaymentFileWrite.Written"/> when this call created it,
    /// <see cref="PaymentFileWrite.AlreadyStored"/> when one of that name holds the same bytes (an earlier write of
    /// the same file), <see cref="PaymentFileWrite.Differs"/> when it holds others (it is left as it is).
    /// </summary>
    public async Task<(PaymentFileWrite Outcome, PaymentFileDigest Digest)> CommitAsync(CancellationToken cancellationToken = default)
    {
        if (block.Length > 0)
        {
            await StageAsync(cancellationToken);
        }

        var digest = new PaymentFileDigest(name, Convert.ToHexStringLower(sha256.GetHashAndReset()), size);
        try
        {
            await blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return (PaymentFileWrite.Written, digest);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return (await StoredHashAsync(cancellationToken) == digest.Sha256 ? PaymentFileWrite.AlreadyStored : PaymentFileWrite.Differs, digest);
        }
    }

    public void Dispose()
    {
        sha256.Dispose();
        block.Dispose();
    }

    private async Task StageAsync(CancellationToken cancellationToken)
    {
        // Ids of one length, as the service requires, numbered so a retry of the same file restages the same ids.
        var blockId = Convert.ToBase64String(BitConverter.GetBytes(blockIds.Count));
        block.Position = 0;
        await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
        blockIds.Add(blockId);
        block.SetLength(0);
    }

    private async Task<string> StoredHashAsync(CancellationToken cancellationToken)
    {
        await using var stored = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, cancellationToken));
    }
}
