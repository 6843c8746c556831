namespace HousingLedger.LoadGenerator;

/// <summary>Nearest-rank percentiles of a set of request latencies, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0);
        }

        // Nearest rank: the smallest value with at least p% of the values at or below it.
        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, Rank(50), Rank(95), Rank(99), sorted[^1]);
    }

    public override string ToString() =>
        Count == 0 ? "none" : $"n={Count}  p50 {P50:0.0} ms  p95 {P95:0.0} ms  p99 {P99:0.0} ms  max {Max:0.0} ms";
}
