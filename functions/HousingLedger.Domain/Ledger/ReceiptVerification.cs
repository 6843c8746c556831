namespace HousingLedger.Ledger;

/// <summary>The outcome of checking a receipt: valid, or the first step that failed and why. Immutable.</summary>
public sealed record ReceiptVerification
{
    private ReceiptVerification(string? reason) => Reason = reason;

    /// <summary>Every step held: the transaction is in the signed block.</summary>
    public static ReceiptVerification Verified { get; } = new((string?)null);

    public bool Valid => Reason is null;

    /// <summary>What was expected and what was found; null when valid.</summary>
    public string? Reason { get; }

    public static ReceiptVerification Failed(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(reason);
    }
}
