using System.Diagnostics;
using System.Reflection;
using System.Text;
using Azure.Storage.Queues;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>
/// Poison messages: runs the service in this process (its invocations are counted from its log), puts malformed
/// messages straight onto every queue it listens to while a normal load of jobs runs, and holds each to its end:
/// not Base64, not JSON, the wrong shape, or naming a chain or job that does not exist, each in
/// <c>&lt;queue&gt;-poison</c> after five failed attempts (one that is not Base64 cannot be attempted, and moves
/// on its first receipt). A wake-up for a chain that does not exist is the exception: the appender finds nothing
/// pending for it, as for any wake-up whose events a drain before it appended, and settles it. Meanwhile every job
/// raised must reach its chain, with its acceptance, and its work order must be delivered.
/// </summary>
public static class PoisonRun
{
    private static readonly string[] Kinds = ["not-base64", "not-json", "wrong-shape", "unknown-chain"];

    /// <summary>The command: a private Azurite (the pinned one, in memory) and the service on it.</summary>
    public static async Task<FaultVerdict> RunAsync(InputFaultOptions options, TextWriter report, CancellationToken cancellationToken)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var keys = Directory.CreateTempSubdirectory("hl-poison");
        try
        {
            return await RunAsync(options, azurite.ConnectionString, new Dictionary<string, string?>
            {
                ["Operator:ApiKey"] = options.OperatorKey,
                ["Signing:LocalKeyPath"] = Path.Combine(keys.FullName, "signing-key.pem"),
                ["WebhookSecrets:LocalKeyPath"] = Path.Combine(keys.FullName, "webhook-secrets.key"),
            }, report, cancellationToken);
        }
        finally
        {
            await azurite.DisposeAsync();
            keys.Delete(recursive: true);
        }
    }

    /// <summary>The run on the storage of <paramref name="storageConnection"/>, with the host's <paramref name="settings"/> (the operator key, signing and secret keys).</summary>
    public static async Task<FaultVerdict> RunAsync(
        InputFaultOptions options, string storageConnection, IDictionary<string, string?> settings, TextWriter report, CancellationToken cancellationToken)
    {
        var invocations = new InvocationLog();
        await using var app = InProcessService.Create(storageConnection, settings, services => services.AddLogging(logging => logging
            .AddProvider(invocations)
            .AddFilter<InvocationLog>(InvocationLog.Category, LogLevel.Information)));
        await app.StartAsync(cancellationToken);
        try
        {
            return await PoisonAsync(app, invocations, options, storageConnection, report, cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<FaultVerdict> PoisonAsync(
        WebApplication app, InvocationLog invocations, InputFaultOptions options, string storageConnection, TextWriter report, CancellationToken cancellationToken)
    {
        var queues = ListenedQueues();
        report.WriteLine(FormattableString.Invariant($"poison: seed {options.Seed}, {options.Messages} of each kind on each of {string.Join(", ", queues)}, beside {options.Jobs} jobs"));
        using var client = new ServiceClient(new Uri(app.Urls.First()));
        await using var workOrders = WorkOrderSink.Start();
        var runTag = "pz" + Guid.NewGuid().ToString("N")[..8];
        var estate = await Estate.SetUpAsync(client, options.OperatorKey, workOrders.Url, 2, runTag, cancellationToken);
        var setUp = await ChainDrain.WaitAsync(client, estate.Associations, _ => 1, Stopwatch.StartNew(), options.Timeout, cancellationToken);
        if (setUp.Values.Any(s => s.ReachedAt is null))
        {
            throw new SetupFailedException("The contracts did not reach their chains in time.");
        }

        // The load runs while the poison is put on and handled.
        var load = new LoadPhase(client, estate, runTag, LoadMix.RaiseAccept);
        var loading = load.RunAsync(options.Jobs, options.Concurrency, options.Timeout, cancellationToken);

        var random = new Random(options.Seed);
        var encoded = new QueueServiceClient(storageConnection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var plain = new QueueServiceClient(storageConnection);
        var sent = new List<Poison>();
        foreach (var queue in queues)
        {
            foreach (var kind in Kinds)
            {
                for (var n = 0; n < options.Messages; n++)
                {
                    var tag = $"{runTag}-{queue}-{kind}-{n}";
                    var text = Body(queue, kind, tag, random);
                    var receipt = kind == "not-base64"
                        ? await plain.GetQueueClient(queue).SendMessageAsync(text, cancellationToken)
                        : await encoded.GetQueueClient(queue).SendMessageAsync(text, cancellationToken);
                    sent.Add(new Poison(queue, kind, tag, receipt.Value.MessageId));
                }
            }
        }

        var landed = await CollectPoisonedAsync(plain, queues, sent, options.Timeout, cancellationToken);
        await loading;

        // Every accepted event on its chain exactly once, and every job's work order delivered.
        var acknowledged = estate.Associations.ToDictionary(
            a => a.AssociationId,
            a => (IReadOnlySet<string>)load.AcceptedEventIds[a.AssociationId].Append(a.ContractEventId).ToHashSet(StringComparer.Ordinal));
        var drained = await ChainDrain.WaitAsync(client, estate.Associations, a => acknowledged[a.AssociationId].Count, load.Clock, options.Timeout, cancellationToken);
        var workOrdersIn = await workOrders.WaitForAsync(load.Raises.Accepted, load.Clock, options.Timeout, cancellationToken);
        var audits = new List<ChainAudit>();
        foreach (var association in estate.Associations)
        {
            audits.Add(await ChainAudit.ReadAsync(client, association, acknowledged[association.AssociationId], load.UnansweredEventIds.ToHashSet(StringComparer.Ordinal), cancellationToken));
        }

        var findings = new List<string>();
        var held = 0;
        foreach (var poison in sent)
        {
            var (succeeded, failed) = invocations.AttemptsOf(poison.MessageId);
            var inPoison = landed.Contains(poison.Tag);
            var expected = Expected(poison);
            var outcome = inPoison ? $"in {poison.Queue}-poison after {failed} failed attempts" : $"not in {poison.Queue}-poison; {succeeded} attempts succeeded, {failed} failed";
            var ok = expected switch
            {
                Outcome.PoisonedUnread => inPoison && succeeded + failed == 0,
                Outcome.PoisonedAfterFive => inPoison && succeeded == 0 && failed == 5,
                _ => !inPoison && succeeded >= 1 && failed == 0 && await NoSuchChainAsync(client, options.OperatorKey, poison.Tag, cancellationToken),
            };
            held += ok ? 1 : 0;
            if (!ok)
            {
                findings.Add($"{poison.Queue} {poison.Kind} ({poison.Tag}): expected {Describe(expected)}, but {outcome}");
            }
        }

        foreach (var group in sent.GroupBy(p => (p.Queue, p.Kind)))
        {
            report.WriteLine(FormattableString.Invariant($"{group.Key.Queue,-14} {group.Key.Kind,-14} {group.Count()} sent, expected: {Describe(Expected(group.First()))}"));
        }

        var loadSound = drained.Values.All(d => d.ReachedAt is not null) && audits.All(a => a.Sound) && workOrdersIn is not null && load.Raises.Refusals.Count == 0 && load.Acceptances.Refusals.Count == 0;
        if (!loadSound)
        {
            findings.Add(FormattableString.Invariant(
                $"the load beside the poison: {load.Raises.Accepted} jobs accepted ({load.Raises.Refusals.Sum(r => r.Value)} refused), {workOrders.Distinct} work orders delivered, chains caught up: {drained.Values.All(d => d.ReachedAt is not null)}, audits sound: {audits.All(a => a.Sound)}"));
        }

        report.WriteLine(FormattableString.Invariant(
            $"Load beside the poison: {load.Raises.Accepted} jobs raised and {load.Acceptances.Accepted} accepted in {load.Elapsed.TotalSeconds:F1} s; every event on its chain once: {audits.All(a => a.Sound)}; work orders delivered: {workOrders.Distinct} of {load.Raises.Accepted}."));
        var verdict = new FaultVerdict("poison (messages ending as they should)", options.Seed, sent.Count, held, findings);
        verdict.Write(report);
        return verdict;
    }

    /// <summary>Every queue a function of the service is triggered by, read from its declarations.</summary>
    public static IReadOnlyList<string> ListenedQueues() =>
        typeof(LedgerAppendFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()?.QueueName)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Outcome Expected(Poison poison) => poison switch
    {
        { Kind: "not-base64" } => Outcome.PoisonedUnread,
        { Kind: "unknown-chain", Queue: "ledger-append" } => Outcome.SettledAsNothingPending,
        _ => Outcome.PoisonedAfterFive,
    };

    private static string Describe(Outcome outcome) => outcome switch
    {
        Outcome.PoisonedUnread => "in -poison on first receipt, never attempted",
        Outcome.PoisonedAfterFive => "in -poison after 5 failed attempts",
        _ => "settled, nothing appended, not in -poison",
    };

    private static string Body(string queue, string kind, string tag, Random random) => kind switch
    {
        // '!' and spaces are outside the Base64 alphabet.
        "not-base64" => $"!! not base64 {tag} !!",
        "not-json" => random.Next(3) switch
        {
            0 => $"not json {tag}",
            1 => $"{{\"chain\": \"{tag}\"",
            _ => $"<chain>{tag}</chain>",
        },
        "wrong-shape" => random.Next(5) switch
        {
            0 => $"[\"{tag}\"]",
            1 => $"\"{tag}\"",
            2 => $"{{\"chain\": 42, \"jobId\": 7, \"tag\": \"{tag}\"}}",
            3 => $"{{\"chain\": \"not an id {tag}\", \"jobId\": \"x y\", \"raisedEventId\": \"\", \"attempt\": 1}}",
            _ => $"{{\"chain\": null, \"jobId\": \"{tag}\", \"attempt\": \"one\"}}",
        },
        _ => queue == "ledger-append"
            ? $"{{\"chain\": \"{tag}\"}}"
            : $"{{\"chain\": \"{tag}\", \"jobId\": \"job-{tag}\", \"raisedEventId\": \"evt-{tag}\", \"attempt\": 1}}",
    };

    // Reads each poison queue until every message sent has arrived or the time runs out, deleting ours and leaving
    // others' (a shared test Azurite) visible again. Read undecoded: what is there may not be Base64.
    private static async Task<HashSet<string>> CollectPoisonedAsync(
        QueueServiceClient plain, IReadOnlyList<string> queues, IReadOnlyList<Poison> sent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var expected = sent.Where(p => Expected(p) != Outcome.SettledAsNothingPending).Select(p => p.Tag).ToHashSet(StringComparer.Ordinal);
        var tags = sent.Select(p => p.Tag).ToList();
        var landed = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!expected.IsSubsetOf(landed) && DateTimeOffset.UtcNow < deadline)
        {
            foreach (var queue in queues)
            {
                var poison = plain.GetQueueClient(queue + "-poison");
                foreach (var message in (await poison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value)
                {
                    var text = message.MessageText;
                    var decoded = Convert.TryFromBase64String(text, new byte[text.Length], out var length) ? Encoding.UTF8.GetString(Convert.FromBase64String(text)) : "";
                    if (tags.FirstOrDefault(t => text.Contains(t, StringComparison.Ordinal) || decoded.Contains(t, StringComparison.Ordinal)) is { } tag)
                    {
                        landed.Add(tag);
                        await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    }
                    else
                    {
                        await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                    }
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return landed;
    }

    private static async Task<bool> NoSuchChainAsync(ServiceClient client, string operatorKey, string chain, CancellationToken cancellationToken)
    {
        var head = await client.GetAsync($"/api/ledger/{chain}/head", operatorKey, cancellationToken);
        return head.Status == 404 || (head.Status == 200 && (long)head.Json["txCount"]! == 0);
    }

    private enum Outcome
    {
        PoisonedUnread,
        PoisonedAfterFive,
        SettledAsNothingPending,
    }

    private sealed record Poison(string Queue, string Kind, string Tag, string MessageId);
}
