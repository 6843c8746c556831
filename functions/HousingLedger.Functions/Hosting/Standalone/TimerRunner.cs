using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// Runs one timer function on its schedule, as the Functions host's timer trigger does. Every instance wakes
/// for each occurrence, but only the one holding the lease on blob <c>locks/{FunctionName}</c> runs it, and the
/// lease is held for the whole run, so a tick never overlaps another tick of the same function. The lock blob
/// also records the last occurrence run, so an instance waking late never repeats it, and the next one, so an
/// occurrence missed while nothing ran is run at start-up, past due.
/// </summary>
internal sealed class TimerRunner(
    TimerFunction function,
    CrontabSchedule schedule,
    BlobContainerClient locks,
    FunctionInvoker invoker,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>A run longer than this keeps the lease by renewing it; a crashed instance frees it after this.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    // Task.Delay cannot wait longer than about 49 days; schedules may be sparser.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly BlobClient lockBlob = locks.GetBlobClient(function.Name);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (next, pastDue) = await FirstOccurrenceAsync(stoppingToken);
            logger.LogInformation("Timer function '{FunctionName}' next runs at {Next:O}{PastDue}", function.Name, next, pastDue ? " (past due)" : string.Empty);
            while (true)
            {
                for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
                {
                    await Task.Delay(wait < LongestWait ? wait : LongestWait, time, stoppingToken);
                }

                await RunTickAsync(new Tick(next, pastDue), stoppingToken);
                pastDue = false;
                next = NextOccurrenceAfter(Later(time.GetUtcNow(), next));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<(DateTimeOffset Next, bool PastDue)> FirstOccurrenceAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await EnsureLockBlobAsync(stoppingToken);
            if (await ReadStatusAsync(stoppingToken) is { } status && status.Next < now)
            {
                return (status.Next, true);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading the schedule status of '{FunctionName}' failed; missed occurrences are not run", function.Name);
        }

        return (NextOccurrenceAfter(now), false);
    }

    private async Task RunTickAsync(Tick tick, CancellationToken stoppingToken)
    {
        try
        {
            await EnsureLockBlobAsync(stoppingToken);
            var lease = lockBlob.GetBlobLeaseClient();
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: stoppingToken);
            }
            catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
            {
                logger.LogDebug("'{FunctionName}' tick {ScheduledAt:O} is running on another instance", function.Name, tick.ScheduledAt);
                return;
            }

            try
            {
                await RunUnderLeaseAsync(tick, lease, stoppingToken);
            }
            finally
            {
                await ReleaseAsync(lease);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage failed around the run; like the host, a timer is not retried: the next occurrence comes on schedule.
            logger.LogWarning(ex, "'{FunctionName}' tick {ScheduledAt:O} could not be run", function.Name, tick.ScheduledAt);
        }
    }

    private async Task RunUnderLeaseAsync(Tick tick, BlobLeaseClient lease, CancellationToken stoppingToken)
    {
        var status = await ReadStatusAsync(stoppingToken);
        if (status is not null && status.Last >= tick.ScheduledAt)
        {
            logger.LogDebug("'{FunctionName}' tick {ScheduledAt:O} has run on another instance", function.Name, tick.ScheduledAt);
            return;
        }

        using (var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            var renewing = KeepLeaseAsync(lease, running.Token);
            var timer = new TimerInfo
            {
                IsPastDue = tick.IsPastDue,
                ScheduleStatus = new ScheduleStatus
                {
                    Last = status?.Last.UtcDateTime ?? default,
                    Next = NextOccurrenceAfter(tick.ScheduledAt).UtcDateTime,
                    LastUpdated = time.GetUtcNow().UtcDateTime,
                },
            };
            await invoker.InvokeAsync(function, timer, $"tick {tick.ScheduledAt:O}{(tick.IsPastDue ? " (past due)" : string.Empty)}", stoppingToken);
            await running.CancelAsync();
            await renewing;
        }

        var next = NextOccurrenceAfter(Later(time.GetUtcNow(), tick.ScheduledAt));
        await lockBlob.SetMetadataAsync(
            new TimerScheduleStatus(tick.ScheduledAt, next).ToMetadata(),
            new BlobRequestConditions { LeaseId = lease.LeaseId },
            CancellationToken.None);
    }

    private async Task KeepLeaseAsync(BlobLeaseClient lease, CancellationToken running)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 3, time, running);
                await lease.RenewAsync(cancellationToken: running);
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "'{FunctionName}' lost its lease while running; another instance may start the next tick early", function.Name);
        }
    }

    private async Task ReleaseAsync(BlobLeaseClient lease)
    {
        try
        {
            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException ex)
        {
            logger.LogDebug(ex, "Releasing the lease of '{FunctionName}' failed; it lapses by itself", function.Name);
        }
    }

    private async Task EnsureLockBlobAsync(CancellationToken cancellationToken)
    {
        await locks.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await lockBlob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            // It exists already (possibly leased by another instance): nothing to do.
        }
    }

    private async Task<TimerScheduleStatus?> ReadStatusAsync(CancellationToken cancellationToken) =>
        TimerScheduleStatus.FromMetadata((await lockBlob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata);

    private DateTimeOffset NextOccurrenceAfter(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(schedule.GetNextOccurrence(instant.UtcDateTime), DateTimeKind.Utc));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>One occurrence of the schedule; past due when it was missed while nothing ran and is run late.</summary>
    private sealed record Tick(DateTimeOffset ScheduledAt, bool IsPastDue);
}
