namespace HousingLedger.LoadGenerator;

/// <summary>
/// The events put on the chains before the measured load (<see cref="LoadOptions.Preload"/>): the same mix and
/// concurrency, then waited for until every one is on its chain and every work order delivered, so the measured
/// load starts on that much history with nothing of it still pending.
/// </summary>
/// <param name="EventIds">The history's acknowledged event ids, by association.</param>
/// <param name="Uncertain">The history's event ids sent without a definite answer.</param>
/// <param name="Jobs">The jobs the history raised, each with its work order delivered.</param>
public sealed record History(IReadOnlyDictionary<string, IReadOnlySet<string>> EventIds, IReadOnlySet<string> Uncertain, int Jobs)
{
    public int Events => EventIds.Values.Sum(ids => ids.Count);

    /// <returns>The history, or <see langword="null"/> when it did not reach its chains or its supplier in time.</returns>
    public static async Task<History?> PreloadAsync(
        ServiceClient client, Estate estate, string runTag, LoadOptions options, WorkOrderSink workOrders, TextWriter report, CancellationToken cancellationToken)
    {
        if (options.Preload == 0)
        {
            return new History(estate.Associations.ToDictionary(a => a.AssociationId, _ => (IReadOnlySet<string>)new HashSet<string>()), new HashSet<string>(), 0);
        }

        var eventsPerJob = options.Mix == LoadMix.Full ? 4 : 2;
        var jobs = (options.Preload + eventsPerJob - 1) / eventsPerJob;
        report.WriteLine($"preloading history: {jobs} jobs, {jobs * eventsPerJob} events …");
        var phase = new LoadPhase(client, estate, runTag + "h", options.Mix);
        await phase.RunAsync(jobs, options.Concurrency, TimeSpan.MaxValue, cancellationToken);

        var eventIds = estate.Associations.ToDictionary(
            a => a.AssociationId, a => (IReadOnlySet<string>)phase.AcceptedEventIds[a.AssociationId].ToHashSet(StringComparer.Ordinal));
        var onChains = await ChainDrain.WaitAsync(client, estate.Associations, a => 1 + eventIds[a.AssociationId].Count, phase.Clock, options.DrainTimeout, cancellationToken);
        var delivered = await workOrders.WaitForAsync(phase.Raises.Accepted, phase.Clock, options.DrainTimeout, cancellationToken);
        var seconds = phase.Elapsed.TotalSeconds;
        report.WriteLine($"history: {phase.AcceptedEvents} events in {seconds:0} s ({(seconds > 0 ? phase.AcceptedEvents / seconds : 0):0.0} events/s)");
        if (onChains.Values.Any(chain => chain.ReachedAt is null) || delivered is null)
        {
            report.WriteLine($"The history's events or work orders were not all in within {options.DrainTimeout.TotalSeconds:0} s; nothing was measured.");
            return null;
        }

        report.WriteLine($"  on their chains {(onChains.Values.Max(chain => chain.ReachedAt)!.Value - phase.LastAcceptedAt).TotalSeconds:0.0} s and work orders delivered {(delivered.Value - phase.LastAcceptedAt).TotalSeconds:0.0} s after the last 202");
        return new History(eventIds, phase.UnansweredEventIds.ToHashSet(StringComparer.Ordinal), phase.Raises.Accepted);
    }
}
