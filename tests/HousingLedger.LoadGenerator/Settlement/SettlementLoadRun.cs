using System.Diagnostics;
using System.Globalization;
using HousingLedger.Contracts;
using HousingLedger.Functions.Hosting.Standalone;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Functions.Settlement;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Settlement;
using HousingLedger.Values;
using HousingLedger.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HousingLedger.LoadGenerator.Settlement;

/// <summary>
/// One settlement measurement: a private Azurite, the service in this process (so its memory is this process's),
/// one association's contract year seeded, then the service's own <see cref="SettlementRunner"/> settling its jobs
/// and <see cref="BatchFiling"/> filing the batch, the steps a run of the timer or <c>POST /api/settlements</c> takes
/// for an association, timed, with the managed heap sampled through each; then a whole second run as of the same
/// time, which must find nothing to pay.
/// </summary>
public static class SettlementLoadRun
{
    private static readonly TimeSpan Approved = TimeSpan.FromDays(35);

    private static readonly TimeSpan CeilingDuration = TimeSpan.FromSeconds(10);

    // A job.settled's claim and outbox row, the job, its four index rows, its settled row and its spend row.
    private const int RowsPerJobSettled = 9;

    /// <returns>The process exit code: 0 every payable job was paid once and no other; 1 it was not so.</returns>
    public static async Task<int> RunAsync(SettlementLoadOptions options, TextWriter report, CancellationToken cancellationToken)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var keys = Directory.CreateTempSubdirectory("hl-settlement-load");
        try
        {
            await using var app = InProcessService.Create(azurite.ConnectionString, new Dictionary<string, string?>
            {
                ["Operator:ApiKey"] = LoadOptions.SampleOperatorKey,
                ["Signing:LocalKeyPath"] = Path.Combine(keys.FullName, "signing-key.pem"),
                ["WebhookSecrets:LocalKeyPath"] = Path.Combine(keys.FullName, "webhook-secrets.key"),
            });
            await app.StartAsync(cancellationToken);
            return await MeasureAsync(app, options, report, cancellationToken);
        }
        finally
        {
            await azurite.DisposeAsync();
            keys.Delete(recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(WebApplication app, SettlementLoadOptions options, TextWriter report, CancellationToken cancellationToken)
    {
        using var client = new ServiceClient(new Uri(app.Urls.First()));
        var runTag = Guid.NewGuid().ToString("N")[..8];
        var estate = await Estate.SetUpAsync(client, LoadOptions.SampleOperatorKey, new Uri("http://127.0.0.1:9/"), 1, runTag, cancellationToken);
        var association = estate.Associations[0];
        var contract = await client.GetAsync($"/api/contracts/{association.ContractId}", association.ApiKey, cancellationToken);
        var terms = ContractTerms.FromCanonicalJson(contract.Json["terms"]!.AsObject());

        // Every job raised, completed and approved in this contract year, at least a few days before T.
        var asOf = DateTimeOffset.UtcNow;
        var lastRaised = asOf - Approved;
        var firstRaised = ContractSettlement.ContractYearStart(terms, lastRaised).AddDays(1);
        if (firstRaised >= lastRaised)
        {
            report.WriteLine($"The contract year began too recently to seed it ({UtcTimestamp(firstRaised)}); run this later in the year.");
            return 2;
        }

        var seeding = Stopwatch.StartNew();
        var history = new ContractHistory(association.AssociationId, association.ContractId, terms, Estate.ItemCode);
        var tables = app.Services.GetRequiredService<StorageClients>().Tables;
        var stateTable = tables.GetTableClient(StorageNames.StateTable);
        var payable = await history.SeedAsync(stateTable, options.Settled, options.Payable, firstRaised, lastRaised, runTag, cancellationToken);
        report.WriteLine(Invariant(
            $"Seeded {options.Settled} settled and {options.Payable} payable jobs of one contract, raised {UtcTimestamp(firstRaised)} to {UtcTimestamp(lastRaised)}, in {seeding.Elapsed.TotalSeconds:F1} s."));

        // Measured with the contract's jobs stored, as the run meets the storage.
        var ceiling = await AzuriteCeiling.MeasureAsync(tables, runTag, CeilingDuration, cancellationToken);
        report.WriteLine($"Azurite's batched-insert ceiling: {ceiling}.");
        await ReportStorageSpeedAsync(app.Services, association.AssociationId, terms, payable, asOf, report, cancellationToken);

        var runner = app.Services.GetRequiredService<SettlementRunner>();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        // The run's two steps as the runner takes them for an association (nothing is left unfinished to file first),
        // each with what it held live: settling the jobs, then filing the batch.
        await using var settling = HeapPeak.Start();
        var sinceStart = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var run = runner.NewRun(Identifier.New("run"), TypedId.Parse<AssociationId>(association.AssociationId), asOf);
        await runner.SettleAsync(run, new ContractJobs(app.Services.GetRequiredService<ContractStore>(), app.Services.GetRequiredService<ContractJobIndex>()), cancellationToken);
        var settlingPeak = await settling.StopAsync();
        await using var filing = HeapPeak.Start();
        var filed = await app.Services.GetRequiredService<BatchFiling>().FileAsync(run, cancellationToken);
        var elapsed = clock.Elapsed;
        var filingPeak = await filing.StopAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        List<FiledBatch> batches = filed is null ? [] : [filed];

        clock.Restart();
        var again = await runner.RunAsync(asOf, [TypedId.Parse<AssociationId>(association.AssociationId)], cancellationToken);
        var idle = clock.Elapsed;

        var paid = await PaidJobsAsync(app.Services.GetRequiredService<SettlementStore>(), association.AssociationId, batches, cancellationToken);

        // Every job.settled onto the chain before the host stops, so no append is cut short on the way out: the
        // appender has been at it since the run woke it, and this drains what it has not reached yet.
        clock.Restart();
        await app.Services.GetRequiredService<LedgerAppender>().AppendPendingAsync(association.AssociationId, cancellationToken);
        var chained = clock.Elapsed;
        var onChain = sinceStart.Elapsed;
        var sound = paid.Count == payable.Count && paid.ToHashSet(StringComparer.Ordinal).SetEquals(payable) && again.Batches.Count == 0;
        var jobsPerSecond = paid.Count / elapsed.TotalSeconds;
        report.WriteLine(Invariant(
            $"Settlement run: {paid.Count} jobs paid in {batches.Count} batch(es) in {elapsed.TotalSeconds:F1} s ({jobsPerSecond:F0} jobs/s = {ceiling.Ratio(jobsPerSecond):F4} × the ceiling; {ceiling.Ratio(jobsPerSecond * RowsPerJobSettled):F3} × counting the {RowsPerJobSettled} rows each job settled writes)."));
        report.WriteLine(Invariant($"Every job.settled on the chain {onChain.TotalSeconds:F1} s after the run began ({chained.TotalSeconds:F1} s after the second run ended)."));
        report.WriteLine(Invariant(
            $"Managed heap live (a full collection every 250 ms): settling the jobs {Mib(settling.Baseline)} MiB at the start, at most {Mib(settlingPeak)} (+{Mib(settlingPeak - settling.Baseline)}); filing the batch {Mib(filing.Baseline)} MiB at the start, at most {Mib(filingPeak)} (+{Mib(filingPeak - filing.Baseline)})."));
        report.WriteLine(Invariant($"Allocated during the run: {Mib(allocated)} MiB (this process: the run, and the host's appender and queue listeners beside it)."));
        report.WriteLine(Invariant($"A second run as of the same time: {again.Batches.Count} batches, in {idle.TotalMilliseconds:F0} ms."));
        report.WriteLine(sound ? "Every payable job was paid exactly once, and nothing else." : "UNSOUND: the jobs paid are not exactly the payable ones, or the second run paid something.");
        return sound ? 0 : 1;
    }

    // What the run's reads cost on this storage, apart from the run: a point read (each settled job takes a few),
    // and the two passes over the index a run makes (lateness over the window, volume over the contract year).
    private static async Task ReportStorageSpeedAsync(
        IServiceProvider services, string associationId, ContractTerms terms, IReadOnlyList<string> payable, DateTimeOffset asOf, TextWriter report, CancellationToken cancellationToken)
    {
        var pointReads = new List<double>();
        foreach (var jobId in payable.Take(25))
        {
            var read = Stopwatch.StartNew();
            await services.GetRequiredService<JobStore>().GetAsync(TypedId.Parse<AssociationId>(associationId), TypedId.Parse<JobId>(jobId), cancellationToken);
            pointReads.Add(read.Elapsed.TotalMilliseconds);
        }

        var contracts = new ContractJobs(services.GetRequiredService<ContractStore>(), services.GetRequiredService<ContractJobIndex>());
        var contract = (await contracts.HeldByAsync(TypedId.Parse<AssociationId>(associationId), cancellationToken)).Single();
        var clock = Stopwatch.StartNew();
        var lateness = await contracts.LatenessAsync(contract, asOf, cancellationToken);
        var due = clock.Elapsed;
        clock.Restart();
        var approved = 0;
        await foreach (var job in contracts.ApprovedAsync(contract, ContractSettlement.ContractYearStart(terms, asOf), asOf, cancellationToken))
        {
            approved++;
        }

        report.WriteLine(Invariant(
            $"On this storage: a point read takes {pointReads.Order().ElementAt(pointReads.Count / 2):F1} ms (median of {pointReads.Count}); reading the {lateness.JobsInScope} jobs due in the window took {due.TotalSeconds:F1} s, and the {approved} approvals of the contract year {clock.Elapsed.TotalSeconds:F1} s."));
    }

    private static async Task<List<string>> PaidJobsAsync(SettlementStore settlements, string associationId, IEnumerable<FiledBatch> batches, CancellationToken cancellationToken)
    {
        var paid = new List<string>();
        foreach (var batch in batches)
        {
            await foreach (var job in settlements.ListSettledAsync(TypedId.Parse<AssociationId>(associationId), batch.BatchId, cancellationToken))
            {
                paid.Add(job.JobId.Value);
            }
        }

        return paid;
    }

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);

    private static string UtcTimestamp(DateTimeOffset instant) => Values.UtcTimestamp.Format(instant);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
