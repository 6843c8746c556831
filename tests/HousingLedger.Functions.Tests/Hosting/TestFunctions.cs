using System.Collections.Concurrent;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace HousingLedger.Functions.Tests.Hosting;

/// <summary>What the test functions saw, shared as a singleton.</summary>
internal sealed class InvocationLog
{
    public ConcurrentQueue<QueueMessage> Messages { get; } = new();

    public ConcurrentDictionary<string, int> AttemptsByBody { get; } = new();

    public IEnumerable<string> SucceededBodies => Messages.Select(m => m.MessageText);
}

/// <summary>Records each message; fails every attempt at a message whose body starts with "fail".</summary>
internal sealed class RecordingQueueFunction(InvocationLog log)
{
    [Function("Orders")]
    public Task RunAsync([QueueTrigger("orders")] QueueMessage message, CancellationToken cancellationToken)
    {
        log.AttemptsByBody.AddOrUpdate(message.MessageText, 1, (_, n) => n + 1);
        if (message.MessageText.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Asked to fail on attempt {message.DequeueCount}.");
        }

        log.Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>Declarations the standalone host must refuse, because the Functions host would bind them differently or not at all.</summary>
internal sealed class UnservableFunctions
{
    [Function("TakesAQueryValue")]
    public IResult TakesAQueryValue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{jobId}")] HttpRequest request, string jobId, string state) =>
        Results.Ok();

    [Function("ReturnsAString")]
    public string ReturnsAString([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs")] HttpRequest request) => "jobs";

    [Function("TakesTheMessageAsBytes")]
    public Task TakesTheMessageAsBytes([QueueTrigger("orders")] byte[] message) => Task.CompletedTask;

    [Function("ListensElsewhere")]
    public Task ListensElsewhere([QueueTrigger("orders", Connection = "OtherStorage")] QueueMessage message) => Task.CompletedTask;

    [Function("HasNoTrigger")]
    public Task HasNoTrigger(CancellationToken cancellationToken) => Task.CompletedTask;
}
