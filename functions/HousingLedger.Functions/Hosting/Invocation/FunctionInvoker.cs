using System.Diagnostics;
using HousingLedger.Functions.Hosting.Catalog;

namespace HousingLedger.Functions.Hosting.Invocation;

/// <summary>
/// Runs one invocation of a queue or timer function in its own service scope, for the custom-handler endpoint
/// and the standalone triggers alike, and logs it the way the Functions host does.
/// </summary>
internal sealed class FunctionInvoker(IServiceScopeFactory scopes, ILogger<FunctionInvoker> logger)
{
    public Task<InvocationOutcome> InvokeAsync(QueueFunctionRegistration function, QueueMessage message, CancellationToken cancellationToken) =>
        InvokeAsync(
            function,
            $"message '{message.Id}' (attempt {message.DequeueCount})",
            instance => ((IQueueFunction)instance).RunAsync(message, cancellationToken));

    public Task<InvocationOutcome> InvokeAsync(TimerFunctionRegistration function, TimerTick tick, CancellationToken cancellationToken) =>
        InvokeAsync(
            function,
            $"tick {tick.ScheduledAt:O}{(tick.IsPastDue ? " (past due)" : string.Empty)}",
            instance => ((ITimerFunction)instance).RunAsync(tick, cancellationToken));

    private async Task<InvocationOutcome> InvokeAsync(TriggerFunctionRegistration function, string trigger, Func<object, Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await run(scope.ServiceProvider.GetRequiredService(function.FunctionType));
            logger.LogInformation(
                "Executed '{FunctionName}' for {Trigger} (Succeeded, {ElapsedMs:0} ms)",
                function.FunctionName, trigger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return InvocationOutcome.Success;
        }
        catch (Exception ex)
        {
            // The boundary between a trigger and function code: whatever the function throws fails this attempt
            // only, and the trigger decides what happens next (retry, poison, next tick).
            logger.LogError(
                ex, "Executed '{FunctionName}' for {Trigger} (Failed, {ElapsedMs:0} ms)",
                function.FunctionName, trigger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new InvocationOutcome(ex);
        }
    }
}
