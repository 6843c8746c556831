using Azure.Storage.Queues;

namespace HousingLedger.LoadGenerator;

/// <summary>One run from set-up to verdict: measure Azurite's ceiling, set up, put down any history, load, wait for the chains, audit them, report.</summary>
public static class LoadRun
{
    /// <returns>The process exit code: 0 sound, 1 something lost, doubled, unexpected, invalid or late, 2 no service.</returns>
    public static async Task<int> RunAsync(LoadOptions options, TextWriter report, CancellationToken cancellationToken)
    {
        using var client = new ServiceClient(options.ServiceUrl);
        var health = await client.GetAsync("/api/health", null, cancellationToken);
        if (health.Status != 200)
        {
            report.WriteLine($"No service answered {options.ServiceUrl}api/health ({health.Status}: {health.Body}).");
            return 2;
        }

        var runTag = Guid.NewGuid().ToString("N")[..8];

        // First, with nothing else loading it: the reference every rate is reported against.
        report.WriteLine($"measuring Azurite's batched-insert ceiling for {options.CeilingDuration.TotalSeconds:0} s …");
        var ceiling = await AzuriteCeiling.MeasureAsync(new Azure.Data.Tables.TableServiceClient(options.Storage), runTag, options.CeilingDuration, cancellationToken);

        await using var workOrders = WorkOrderSink.Start();
        var estate = await Estate.SetUpAsync(client, options.OperatorKey, workOrders.Url, options.Associations, runTag, cancellationToken);

        // Wait for the contracts to be appended, so the load's events are not batched with them.
        var setUp = await ChainDrain.WaitAsync(client, estate.Associations, _ => 1, System.Diagnostics.Stopwatch.StartNew(), options.DrainTimeout, cancellationToken);
        if (setUp.Values.Any(s => s.ReachedAt is null))
        {
            report.WriteLine("The contracts did not reach their chains in time; nothing was loaded.");
            return 1;
        }

        var history = await History.PreloadAsync(client, estate, runTag, options, workOrders, report, cancellationToken);
        if (history is null)
        {
            return 1;
        }

        // Azurite holds the history in its own memory and slows with it, so the load on top is measured against its
        // ceiling as it is then, not as it was on an empty store.
        if (history.Events > 0)
        {
            report.WriteLine($"Azurite's ceiling before the history: {ceiling}; measuring it again with the history stored …");
            ceiling = await AzuriteCeiling.MeasureAsync(new Azure.Data.Tables.TableServiceClient(options.Storage), runTag + "h", options.CeilingDuration, cancellationToken);
        }

        var operationsWindow = await HostStorageOperations.OpenAsync(client, options.OperatorKey, estate.Associations[0], cancellationToken);
        var load = new LoadPhase(client, estate, runTag, options.Mix);
        await load.RunAsync(options.Jobs, options.Concurrency, options.Duration, cancellationToken);
        var requestsAfterLoad = client.Requests;

        var acknowledged = estate.Associations.ToDictionary(
            a => a.AssociationId,
            a => (IReadOnlySet<string>)load.AcceptedEventIds[a.AssociationId].Append(a.ContractEventId).Concat(history.EventIds[a.AssociationId]).ToHashSet(StringComparer.Ordinal));
        var drained = await ChainDrain.WaitAsync(
            client, estate.Associations, a => acknowledged[a.AssociationId].Count, load.Clock, options.DrainTimeout, cancellationToken);

        var workOrdersIn = await workOrders.WaitForAsync(history.Jobs + load.Raises.Accepted, load.Clock, options.DrainTimeout, cancellationToken);
        var operations = await HostStorageOperations.CloseAsync(
            client, options.OperatorKey, new QueueServiceClient(options.Storage), operationsWindow, client.Requests - requestsAfterLoad, options.DrainTimeout, cancellationToken);
        var uncertain = load.UnansweredEventIds.Concat(history.Uncertain).ToHashSet(StringComparer.Ordinal);
        var audits = new List<ChainAudit>();
        foreach (var association in estate.Associations)
        {
            audits.Add(await ChainAudit.ReadAsync(client, association, acknowledged[association.AssociationId], uncertain, cancellationToken, history.EventIds[association.AssociationId]));
        }

        var sound = drained.Values.All(d => d.ReachedAt is not null) && audits.All(a => a.Sound);
        LoadReport.Write(report, options, runTag, ceiling, history, load, drained, audits, workOrders, workOrdersIn, operations, sound);
        return sound ? 0 : 1;
    }
}
