namespace HousingLedger.Functions.Hosting;

/// <summary>
/// A function triggered by a Storage Queue message, under the Functions host or the standalone host alike.
/// Throwing fails the attempt: the message is retried, and after five failed attempts it moves to
/// <c>&lt;queue&gt;-poison</c>. Register with <see cref="FunctionRegistrationExtensions.AddQueueFunction{TFunction}"/>;
/// one instance serves one invocation (scoped), and up to 16 run at once.
/// </summary>
public interface IQueueFunction
{
    Task RunAsync(QueueMessage message, CancellationToken cancellationToken);
}
