namespace HousingLedger.Payments;

/// <summary>
/// What the manifest records of one file of a batch: its name, the SHA-256 of its bytes (lowercase hex) and their
/// length. A file streamed to storage is known by this alone; one held in memory gives it as <see cref="PaymentFile.Digest"/>.
/// </summary>
public sealed record PaymentFileDigest(string Name, string Sha256, long Size);
