using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// Bad input at volume: sets up an estate with jobs, notes every chain's head, sends the seeded malformed requests
/// of <see cref="FuzzCases"/>, and holds the service to refusing each with a 4xx RFC 9457 problem (never a 5xx,
/// never a 2xx), and to appending nothing: every head is as it was.
/// </summary>
public static class FuzzRun
{
    public static async Task<FaultVerdict> RunAsync(InputFaultOptions options, TextWriter report, CancellationToken cancellationToken)
    {
        report.WriteLine(FormattableString.Invariant($"fuzz: seed {options.Seed}, {options.Requests} requests, {options.Concurrency} at once, against {options.ServiceUrl}"));
        using var client = new ServiceClient(options.ServiceUrl);
        await using var workOrders = WorkOrderSink.Start();
        var runTag = Guid.NewGuid().ToString("N")[..8];
        var estate = await Estate.SetUpAsync(client, options.OperatorKey, workOrders.Url, 2, "fz" + runTag, cancellationToken);
        var owner = estate.Associations[0];
        var jobs = new List<string>();
        for (var n = 0; n < 2; n++)
        {
            var raised = await client.PostAsync("/api/jobs", owner.ApiKey, new JsonObject
            {
                ["jobId"] = $"job_fz{runTag}_{n}",
                ["contractId"] = owner.ContractId,
                ["itemCode"] = Estate.ItemCode,
                ["quantity"] = 1,
                ["priority"] = "routine",
                ["propertyRef"] = "UPRN-1",
            }, cancellationToken: cancellationToken);
            jobs.Add(raised.Status == 202 ? raised.Field("jobId") : throw new SetupFailedException($"Could not raise a job: {raised.Status} {raised.Body}"));
        }

        var accepted = await client.SendSupplierEventAsync(estate.Supplier, $"acc_fz{runTag}", new JsonObject { ["type"] = "job.accepted", ["jobId"] = jobs[0], ["data"] = new JsonObject() }, cancellationToken);
        if (accepted.Status != 202)
        {
            throw new SetupFailedException($"Could not accept a job: {accepted.Status} {accepted.Body}");
        }

        var before = await ChainHeads.SettledAsync(client, estate, options.OperatorKey, options.Timeout, cancellationToken);

        var cases = new FuzzCases(new FuzzEstate(estate, options.OperatorKey, jobs), new Random(options.Seed));
        var generated = Enumerable.Range(0, options.Requests).Select(_ => cases.Next()).ToList();
        var tally = new ConcurrentDictionary<string, (int Tried, int Held)>();
        var statuses = new ConcurrentDictionary<int, int>();
        var findings = new ConcurrentQueue<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < generated.Count && !cancellationToken.IsCancellationRequested)
            {
                var fuzz = generated[i];
                var answer = fuzz.Raw is { } raw
                    ? await RawHttp.SendAsync(options.ServiceUrl, raw, cancellationToken)
                    : await client.SendRawAsync(fuzz.Method, fuzz.Path, fuzz.Headers, fuzz.Body, fuzz.ContentType, cancellationToken);
                var refusal = Judge(fuzz, answer);
                statuses.AddOrUpdate(answer.Status, 1, (_, c) => c + 1);
                tally.AddOrUpdate(fuzz.Kind, (1, refusal is null ? 1 : 0), (_, t) => (t.Tried + 1, t.Held + (refusal is null ? 1 : 0)));
                if (refusal is not null)
                {
                    findings.Enqueue(FormattableString.Invariant($"#{i} {fuzz.Kind} {fuzz.Method} {Shorten(fuzz.Path, 120)}: {refusal}"));
                }
            }
        }, cancellationToken)));

        var after = await ChainHeads.SettledAsync(client, estate, options.OperatorKey, options.Timeout, cancellationToken);
        var appended = before.Where(h => after[h.Key] != h.Value).Select(h => $"chain {h.Key} went from {h.Value} to {after[h.Key]} transactions").ToList();

        report.WriteLine("defect            tried   held");
        foreach (var (kind, (tried, held)) in tally.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-16} {tried,6} {held,6}"));
        }

        report.WriteLine("answers by status: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => FormattableString.Invariant($"{s.Key}: {s.Value}"))));
        report.WriteLine(FormattableString.Invariant($"chains' transactions before and after: {string.Join(", ", before.Select(h => $"{h.Key} {h.Value} → {after[h.Key]}"))}"));
        var requestsHeld = tally.Values.Sum(t => t.Held);
        var verdict = new FaultVerdict("fuzz", options.Seed, generated.Count, requestsHeld, [.. findings, .. appended]);
        verdict.Write(report);
        return verdict;
    }

    /// <summary>Null when the answer is a proper refusal; otherwise what is wrong with it.</summary>
    public static string? Judge(FuzzCase fuzz, Answer answer)
    {
        if (answer.Status is < 400 or >= 500)
        {
            return FormattableString.Invariant($"answered {answer.Status}: {Shorten(answer.Body, 300)}");
        }

        // A request Kestrel cannot parse at all (an encoded NUL in the path, say) is refused by the server with a
        // bare 400 (docs/api.md, "Errors").
        if ((fuzz.Raw is not null || fuzz.Path.Contains("%00", StringComparison.Ordinal)) && answer.Status == 400 && answer.Body.Length == 0 && answer.MediaType is null)
        {
            return null;
        }

        if (answer.MediaType != "application/problem+json")
        {
            return FormattableString.Invariant($"answered {answer.Status} as {answer.MediaType ?? "no media type"}, not a problem: {Shorten(answer.Body, 200)}");
        }

        try
        {
            var problem = JsonNode.Parse(answer.Body)!.AsObject();
            return Text(problem, "type") && Text(problem, "title") && Text(problem, "detail") && (int?)problem["status"] == answer.Status
                ? null
                : FormattableString.Invariant($"answered {answer.Status} with a problem lacking type, title, detail or status: {Shorten(answer.Body, 300)}");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return FormattableString.Invariant($"answered {answer.Status} with a problem that is not a JSON object: {Shorten(answer.Body, 200)}");
        }
    }

    private static bool Text(JsonObject problem, string name) =>
        problem[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0;

    private static string Shorten(string text, int length) => text.Length > length ? text[..length] + "…" : text;
}
