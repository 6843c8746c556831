using HousingLedger.Ledger;

namespace HousingLedger.Witnessing;

/// <summary>
/// What an association's witness decides about a checkpoint the service shows it for a chain: it cosigns only a
/// checkpoint that the service signed, of the chain it witnesses, and that extends the last checkpoint it cosigned for
/// that chain (shown by an RFC 6962 consistency proof), so a service that showed it two histories is caught at once.
/// The first checkpoint it sees of a chain is taken on trust (there is nothing yet to be consistent with); say so to
/// whoever runs the witness. Thread-safe.
/// </summary>
public static class ChainWitness
{
    /// <summary>Checks <paramref name="fresh"/> and, when it holds, cosigns it with <paramref name="key"/> as of <paramref name="now"/>.</summary>
    /// <param name="chain">The chain this witness watches.</param>
    /// <param name="fresh">The checkpoint note the service serves now.</param>
    /// <param name="serviceKeys">The service's published signing keys (its JWKS).</param>
    /// <param name="lastCosigned">The last checkpoint this witness cosigned for the chain; null the first time.</param>
    /// <param name="proof">The consistency proof from <paramref name="lastCosigned"/>'s size to <paramref name="fresh"/>'s.</param>
    public static WitnessDecision Decide(
        string chain, string fresh, IEnumerable<PublicSigningKey> serviceKeys, Checkpoint? lastCosigned, IReadOnlyList<byte[]> proof, WitnessKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var verified = CheckpointVerifier.Verify(fresh, serviceKeys);
        if (verified.Checkpoint is not { } checkpoint)
        {
            return new WitnessDecision.Refused($"the checkpoint does not verify under the service's keys: {verified.Reason}");
        }

        if (checkpoint.Chain != chain || (lastCosigned is not null && lastCosigned.Origin != checkpoint.Origin))
        {
            return new WitnessDecision.Refused($"the checkpoint is of {checkpoint.Origin}, not of the chain witnessed ({Ledger.Checkpoint.OriginOf(chain)})");
        }

        if (lastCosigned is not null && Inconsistency(lastCosigned, checkpoint, proof) is { } reason)
        {
            return new WitnessDecision.Inconsistent(lastCosigned, checkpoint, reason);
        }

        var note = SignedNote.Parse(fresh, out _)!;
        return new WitnessDecision.Cosigned(checkpoint, note with { Signatures = [.. note.Signatures, key.Cosign(note, now)] });
    }

    private static string? Inconsistency(Checkpoint last, Checkpoint fresh, IReadOnlyList<byte[]> proof)
    {
        if (fresh.TreeSize < last.TreeSize)
        {
            return $"the chain shrank: it was cosigned at size {last.TreeSize}, and is now shown at size {fresh.TreeSize}";
        }

        if (fresh.TreeSize == last.TreeSize)
        {
            return fresh.RootHash.AsSpan().SequenceEqual(last.RootHash)
                ? null
                : $"two different roots at size {fresh.TreeSize}: {Convert.ToBase64String(last.RootHash)} cosigned, {Convert.ToBase64String(fresh.RootHash)} shown now";
        }

        var check = Rfc6962.VerifyConsistency(last.TreeSize, fresh.TreeSize, last.RootHash, fresh.RootHash, proof);
        return check.IsValid ? null : $"the proof from size {last.TreeSize} to {fresh.TreeSize} does not hold: {check.Reason}";
    }
}

/// <summary>What a witness decided about a checkpoint.</summary>
public abstract record WitnessDecision
{
    private WitnessDecision()
    {
    }

    /// <summary>Cosigned: <paramref name="Note"/> is the checkpoint with the witness's cosignature added, to post back.</summary>
    public sealed record Cosigned(Checkpoint Checkpoint, SignedNote Note) : WitnessDecision;

    /// <summary>The service showed a history that does not extend the one cosigned before: the evidence of a split view.</summary>
    public sealed record Inconsistent(Checkpoint CosignedBefore, Checkpoint Shown, string Reason) : WitnessDecision;

    /// <summary>Not a checkpoint this witness can cosign (unsigned, another chain's); nothing is said about the history.</summary>
    public sealed record Refused(string Reason) : WitnessDecision;
}
