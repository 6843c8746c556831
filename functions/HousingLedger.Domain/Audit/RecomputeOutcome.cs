namespace HousingLedger.Audit;

/// <summary>
/// What recomputing the exports came to (SPEC §14): every figure held (<see cref="AllHold"/>); nothing differed
/// but some figures could not be checked (<see cref="NotAllChecked"/>); or at least one figure differs or one
/// transaction is irregular (<see cref="Differs"/>). <see cref="Findings"/> lists every finding, not the first.
/// </summary>
public abstract record RecomputeOutcome
{
    private RecomputeOutcome(int settlementsChecked, IReadOnlyList<AuditFinding> findings)
    {
        SettlementsChecked = settlementsChecked;
        Findings = findings;
    }

    /// <summary>How many <c>job.settled</c> transactions the exports held.</summary>
    public int SettlementsChecked { get; }

    /// <summary>Every finding, in the order the checks gave them.</summary>
    public IReadOnlyList<AuditFinding> Findings { get; }

    /// <summary>The outcome <paramref name="findings"/> come to.</summary>
    public static RecomputeOutcome Of(int settlementsChecked, IReadOnlyList<AuditFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Any(finding => finding is not AuditFinding.CannotCheck))
        {
            return new Differs(settlementsChecked, findings);
        }

        return findings.Count == 0 ? new AllHold(settlementsChecked) : new NotAllChecked(settlementsChecked, findings);
    }

    /// <summary>Every figure of every <c>job.settled</c> is what re-deriving it gives.</summary>
    public sealed record AllHold : RecomputeOutcome
    {
        internal AllHold(int settlementsChecked)
            : base(settlementsChecked, [])
        {
        }
    }

    /// <summary>Nothing differs, but the findings, all <see cref="AuditFinding.CannotCheck"/>, name figures left unchecked.</summary>
    public sealed record NotAllChecked : RecomputeOutcome
    {
        internal NotAllChecked(int settlementsChecked, IReadOnlyList<AuditFinding> findings)
            : base(settlementsChecked, findings)
        {
        }
    }

    /// <summary>At least one finding is a <see cref="AuditFinding.Difference"/> or an <see cref="AuditFinding.Irregularity"/>.</summary>
    public sealed record Differs : RecomputeOutcome
    {
        internal Differs(int settlementsChecked, IReadOnlyList<AuditFinding> findings)
            : base(settlementsChecked, findings)
        {
        }
    }
}
