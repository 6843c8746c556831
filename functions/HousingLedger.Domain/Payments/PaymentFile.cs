using System.Security.Cryptography;

namespace HousingLedger.Payments;

/// <summary>
/// One file of a payment batch as it is stored and handed to finance: its name in the batch folder, its media
/// type, its exact bytes, and their SHA-256 (lowercase hex) as the manifest records it.
/// </summary>
public sealed class PaymentFile
{
    private readonly byte[] content;

    public PaymentFile(string name, string contentType, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Name = name;
        ContentType = contentType;
        this.content = content.ToArray();
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(this.content));
    }

    /// <summary>The file name inside the batch folder, e.g. <c>bacs18.txt</c>.</summary>
    public string Name { get; }

    /// <summary>The media type to store and serve it with, e.g. <c>text/csv; charset=utf-8</c>.</summary>
    public string ContentType { get; }

    /// <summary>The bytes exactly as written.</summary>
    public ReadOnlyMemory<byte> Content => content;

    /// <summary>The length of <see cref="Content"/> in bytes.</summary>
    public long Size => content.Length;

    /// <summary>SHA-256 of <see cref="Content"/>, lowercase hex.</summary>
    public string Sha256 { get; }

    /// <summary>The file as the manifest lists it.</summary>
    public PaymentFileDigest Digest => new(Name, Sha256, Size);
}
