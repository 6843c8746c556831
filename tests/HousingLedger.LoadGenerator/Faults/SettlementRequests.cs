using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// The settlement runs a fault run asks for (<c>POST /api/settlements</c> with the operator's key, every
/// association), each resent while it gets no answer or a 5xx, and what each answered run paid. Thread-safe.
/// </summary>
public sealed class SettlementRequests(string operatorKey, TimeSpan retryFor)
{
    private readonly ConcurrentQueue<JsonObject> answered = new();
    private readonly ConcurrentQueue<string> failures = new();
    private readonly ConcurrentQueue<string> resent = new();
    private int sent;

    /// <summary>Requests sent, resends included.</summary>
    public int Sent => sent;

    /// <summary>The answers of the runs that completed (200).</summary>
    public IReadOnlyCollection<JsonObject> Answered => answered;

    /// <summary>Runs that still had no 200 when the resending stopped, with their last answer.</summary>
    public IReadOnlyCollection<string> Failures => failures;

    /// <summary>The answers (no answer or a 5xx) after which a request was sent again.</summary>
    public IReadOnlyCollection<string> Resent => resent;

    public async Task RunAsync(ServiceClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Interlocked.Increment(ref sent);
            var answer = await client.PostAsync("/api/settlements", operatorKey, new JsonObject(), cancellationToken: cancellationToken);
            if (answer.Status == 200)
            {
                answered.Enqueue(answer.Json);
                return;
            }

            if (answer.Status is not (0 or >= 500) || clock.Elapsed > retryFor)
            {
                failures.Enqueue($"{answer.Status}: {(answer.Body.Length > 300 ? answer.Body[..300] : answer.Body)}");
                return;
            }

            resent.Enqueue($"{answer.Status}: {(answer.Body.Length > 300 ? answer.Body[..300] : answer.Body)}");
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}
