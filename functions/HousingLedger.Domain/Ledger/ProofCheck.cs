namespace HousingLedger.Ledger;

/// <summary>How a Merkle proof check ended.</summary>
public enum ProofVerdict
{
    /// <summary>The proof shows what was claimed.</summary>
    Valid,

    /// <summary>
    /// The input cannot be a proof of the claim at all: an index outside the tree, sizes out of order, a hash
    /// of the wrong length, or a proof with the wrong number of hashes for the sizes given.
    /// </summary>
    Malformed,

    /// <summary>The input is well formed but hashes to a different root: the proof is false.</summary>
    RootMismatch,
}

/// <summary>
/// The result of checking an inclusion or consistency proof. A false or malformed proof is an expected outcome
/// (a receipt may have been altered), so it is reported here, never thrown. Immutable.
/// </summary>
public sealed record ProofCheck
{
    private ProofCheck(ProofVerdict verdict, string reason)
    {
        Verdict = verdict;
        Reason = reason;
    }

    /// <summary>The proof held.</summary>
    public static ProofCheck Valid { get; } = new(ProofVerdict.Valid, string.Empty);

    public ProofVerdict Verdict { get; }

    /// <summary>What was expected and what was found, e.g. <c>wrong proof size 3, want 4</c>; empty when valid.</summary>
    public string Reason { get; }

    public bool IsValid => Verdict == ProofVerdict.Valid;

    public static ProofCheck Malformed(string reason) => new(ProofVerdict.Malformed, reason);

    public static ProofCheck RootMismatch(string reason) => new(ProofVerdict.RootMismatch, reason);

    public override string ToString() => IsValid ? "valid" : $"{Verdict}: {Reason}";
}
