namespace HousingLedger.Ledger;

/// <summary>
/// The outcome of checking a signed checkpoint: the checkpoint it vouches for, or why it vouches for nothing.
/// The caller still compares <see cref="Checkpoint.Origin"/> with the chain it asked about. Immutable.
/// </summary>
public sealed record CheckpointVerification
{
    private CheckpointVerification(Checkpoint? checkpoint, string? reason)
    {
        Checkpoint = checkpoint;
        Reason = reason;
    }

    public bool Valid => Checkpoint is not null;

    /// <summary>Origin, tree size and root; null unless valid.</summary>
    public Checkpoint? Checkpoint { get; }

    /// <summary>What was expected and what was found; null when valid.</summary>
    public string? Reason { get; }

    public static CheckpointVerification Verified(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new(checkpoint, null);
    }

    public static CheckpointVerification Failed(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(null, reason);
    }
}
