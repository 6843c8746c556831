namespace HousingLedger.Webhooks;

/// <summary>
/// A supplier's webhook secret through its rotations (SPEC §9): the <see cref="Current"/> one, and for
/// <see cref="Overlap"/> after a rotation the <see cref="Previous"/> one too, so the supplier's systems can switch
/// without refusals. <typeparamref name="TSecret"/> is however the secret is held (the secret itself, or a
/// reference to where it is kept). Immutable and thread-safe; the clock is passed in.
/// </summary>
/// <remarks>
/// Rotating again within the overlap replaces only the current secret: the previous one stays the secret that was
/// current before the overlap began, and the overlap restarts. A secret issued within the overlap is the one
/// least likely to be in the supplier's hands yet (an answer that never reached the operator, or a leak that is
/// the reason for rotating again), whereas the secret from before is the one the supplier was known to use.
/// </remarks>
public sealed record RotatingSecret<TSecret>
    where TSecret : class
{
    /// <summary>How long the previous secret stays valid after a rotation.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(24);

    private RotatingSecret(TSecret current, TSecret? previous, DateTimeOffset? previousValidUntil)
    {
        Current = current;
        Previous = previous;
        PreviousValidUntil = previousValidUntil;
    }

    /// <summary>The newest secret: outgoing webhooks are signed with it first.</summary>
    public TSecret Current { get; }

    /// <summary>The secret before the last rotation, valid until <see cref="PreviousValidUntil"/>; null when there is none.</summary>
    public TSecret? Previous { get; }

    /// <summary>The instant from which <see cref="Previous"/> is refused; null when there is no previous secret.</summary>
    public DateTimeOffset? PreviousValidUntil { get; }

    /// <summary>A secret that has never been rotated.</summary>
    public static RotatingSecret<TSecret> First(TSecret current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new(current, null, null);
    }

    /// <summary>
    /// The secret as it was stored. A previous secret needs the instant it stops being valid, and the reverse.
    /// </summary>
    /// <exception cref="ArgumentException">Exactly one of <paramref name="previous"/> and <paramref name="previousValidUntil"/> is given.</exception>
    public static RotatingSecret<TSecret> Restore(TSecret current, TSecret? previous, DateTimeOffset? previousValidUntil)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null != previousValidUntil is null)
        {
            throw new ArgumentException("A previous secret and the instant it stops being valid come together.", nameof(previousValidUntil));
        }

        return new(current, previous, previousValidUntil);
    }

    /// <summary>
    /// <paramref name="next"/> becomes current at <paramref name="now"/>. Unless <paramref name="revokePrevious"/>,
    /// the secret the supplier uses stays valid for <see cref="Overlap"/>: the current one, or, within an overlap
    /// already running, the previous one (see the remarks on the type). Revoking ends every older secret at once.
    /// </summary>
    public RotatingSecret<TSecret> Rotate(TSecret next, DateTimeOffset now, bool revokePrevious = false)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (revokePrevious)
        {
            return new(next, null, null);
        }

        var kept = Previous is not null && now < PreviousValidUntil ? Previous : Current;
        return new(next, kept, now + Overlap);
    }

    /// <summary>The secrets valid at <paramref name="now"/>, the current one first.</summary>
    public IReadOnlyList<TSecret> ValidAt(DateTimeOffset now) =>
        Previous is not null && now < PreviousValidUntil ? [Current, Previous] : [Current];
}
