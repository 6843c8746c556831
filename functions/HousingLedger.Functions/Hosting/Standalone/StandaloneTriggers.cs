using HousingLedger.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>In standalone mode, runs every queue and timer function's trigger in this process.</summary>
internal sealed class StandaloneTriggers(
    FunctionCatalog catalog,
    StorageClients storage,
    FunctionInvoker invoker,
    IOptions<QueueListenerOptions> queueOptions,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Built before the first await, so a schedule that does not parse fails start-up, not a tick at 2 a.m.
        var locks = storage.Blobs.GetBlobContainerClient(StorageNames.LocksContainer);
        var timers = catalog.Timers
            .Where(IsEnabled)
            .Select(t => new TimerRunner(t, t.ResolveSchedule(configuration), locks, invoker, time, loggers.CreateLogger<TimerRunner>()))
            .ToList();
        var queues = catalog.Queues
            .Where(IsEnabled)
            .Select(q => new QueueListener(q, storage.Queues, invoker, queueOptions.Value, time, loggers.CreateLogger<QueueListener>()))
            .ToList();
        return Task.WhenAll(queues.Select(q => q.RunAsync(stoppingToken)).Concat(timers.Select(t => t.RunAsync(stoppingToken))));
    }

    /// <summary>
    /// The Functions host's own switch (<see cref="DisabledFunctions"/>), honoured the same way here; in Azure the
    /// host itself never invokes a disabled function.
    /// </summary>
    private bool IsEnabled(FunctionMethod function)
    {
        if (DisabledFunctions.IsDisabled(configuration, function.Name))
        {
            loggers.CreateLogger<StandaloneTriggers>().LogWarning("Function {Function} is disabled by configuration", function.Name);
            return false;
        }

        return true;
    }
}
