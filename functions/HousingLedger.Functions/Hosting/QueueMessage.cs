namespace HousingLedger.Functions.Hosting;

/// <summary>A queue message as a queue function receives it.</summary>
/// <param name="Id">The queue's message id; empty when the Functions host did not send it.</param>
/// <param name="Body">The decoded message text.</param>
/// <param name="DequeueCount">How many times the message has been received, this attempt included (1 on the first).</param>
/// <param name="InsertedOn">When the message was enqueued, when known.</param>
public sealed record QueueMessage(string Id, string Body, long DequeueCount, DateTimeOffset? InsertedOn);
