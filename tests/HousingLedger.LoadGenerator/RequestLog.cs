using System.Collections.Concurrent;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// What one kind of request got back during the load phase: the latency of each 202, the count of every other
/// status (0 for no answer) with one example body each, and the event ids the service accepted. Thread-safe.
/// </summary>
public sealed class RequestLog(string name)
{
    private readonly ConcurrentQueue<TimeSpan> acceptedLatencies = new();
    private readonly ConcurrentDictionary<int, int> refusals = new();
    private readonly ConcurrentDictionary<int, string> examples = new();

    public string Name { get; } = name;

    public int Accepted => acceptedLatencies.Count;

    public IReadOnlyDictionary<int, int> Refusals => refusals;

    public IReadOnlyDictionary<int, string> Examples => examples;

    public LatencySummary Latency => LatencySummary.Of(acceptedLatencies);

    public IEnumerable<TimeSpan> AcceptedLatencies => acceptedLatencies;

    /// <returns>Whether the answer was a 202.</returns>
    public bool Record(Answer answer)
    {
        if (answer.Status == 202)
        {
            acceptedLatencies.Enqueue(answer.Latency);
            return true;
        }

        refusals.AddOrUpdate(answer.Status, 1, (_, count) => count + 1);
        examples.TryAdd(answer.Status, answer.Body.Length > 300 ? answer.Body[..300] : answer.Body);
        return false;
    }
}
