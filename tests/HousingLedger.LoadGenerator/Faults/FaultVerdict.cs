namespace HousingLedger.LoadGenerator.Faults;

/// <summary>How one fault run came out: how many things it tried, how many held, and what did not.</summary>
public sealed record FaultVerdict(string Run, int Seed, int Tried, int Held, IReadOnlyList<string> Findings)
{
    public bool Sound => Tried == Held && Findings.Count == 0;

    public void Write(TextWriter report)
    {
        report.WriteLine(FormattableString.Invariant($"{Run}: {Tried} tried, {Held} held (seed {Seed})."));
        foreach (var finding in Findings.Take(30))
        {
            report.WriteLine("  NOT HELD: " + finding);
        }

        if (Findings.Count > 30)
        {
            report.WriteLine(FormattableString.Invariant($"  … and {Findings.Count - 30} more."));
        }
    }
}
