using System.Diagnostics;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Runs one invocation of a queue or timer function in its own service scope, as the worker does, and logs it the
/// way the Functions host does.
/// </summary>
internal sealed class FunctionInvoker(IServiceScopeFactory scopes, ILogger<FunctionInvoker> logger)
{
    /// <summary>Runs <paramref name="function"/> with <paramref name="trigger"/>; false when it threw (the failure is logged).</summary>
    public async Task<bool> InvokeAsync(FunctionMethod function, object trigger, string describedTrigger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await function.InvokeAsync(scope.ServiceProvider, trigger, cancellationToken);
            logger.LogInformation(
                "Executed '{FunctionName}' for {Trigger} (Succeeded, {ElapsedMs:0} ms)",
                function.Name, describedTrigger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception ex)
        {
            // The boundary between a trigger and function code: whatever the function throws fails this attempt
            // only, and the trigger decides what happens next (retry, poison, next tick).
            logger.LogError(
                ex, "Executed '{FunctionName}' for {Trigger} (Failed, {ElapsedMs:0} ms)",
                function.Name, describedTrigger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return false;
        }
    }
}
