namespace HousingLedger.Audit;

/// <summary>Assertions on a recompute's outcome that list every finding when they fail.</summary>
internal static class FindingsAssert
{
    public static void AllHold(RecomputeOutcome outcome) =>
        Assert.True(outcome is RecomputeOutcome.AllHold, $"expected every figure to hold; found:\n{Listed(outcome)}");

    /// <summary>The differences found, as "chain job figure: recorded → re-derived", in the order found.</summary>
    public static IReadOnlyList<string> Differences(RecomputeOutcome outcome) =>
        [.. outcome.Findings.OfType<AuditFinding.Difference>().Select(d => $"{d.Chain} {d.JobId} {d.Figure}: {d.Recorded} → {d.Rederived}")];

    public static void Differences(RecomputeOutcome outcome, params string[] expected)
    {
        Assert.True(outcome is RecomputeOutcome.Differs, $"expected differences; the outcome was {outcome.GetType().Name}:\n{Listed(outcome)}");
        Assert.True(
            expected.SequenceEqual(Differences(outcome)),
            $"expected the differences\n  {string.Join("\n  ", expected)}\nfound:\n{Listed(outcome)}");
    }

    public static string Listed(RecomputeOutcome outcome) =>
        outcome.Findings.Count == 0 ? "  (no findings)" : string.Join("\n", outcome.Findings.Select(finding => "  " + finding.Describe()));
}
