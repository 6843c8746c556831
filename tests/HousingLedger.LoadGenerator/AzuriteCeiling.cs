using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The most entities a second the storage takes in this run's conditions: entity-group transactions of 100 inserts,
/// from a few writers at once, each on its own partition of a fresh table. No pipeline that writes each event in a
/// Table transaction can accept events faster, so every rate of the run is also given as a fraction of it.
/// </summary>
public sealed record AzuriteCeiling(int Writers, int BatchSize, long Entities, TimeSpan Elapsed, int Failures)
{
    public const int DefaultWriters = 4;

    /// <summary>The most entities one Table transaction may carry.</summary>
    public const int DefaultBatchSize = 100;

    // About the size of an outbox row's ledger transaction, so the figure is for entities like the pipeline's.
    private static readonly string Payload = new('x', 340);

    public double EntitiesPerSecond => Elapsed > TimeSpan.Zero ? Entities / Elapsed.TotalSeconds : 0;

    /// <summary><paramref name="rate"/> as a fraction of the ceiling.</summary>
    public double Ratio(double rate) => EntitiesPerSecond > 0 ? rate / EntitiesPerSecond : 0;

    /// <summary>Writes for <paramref name="duration"/> into a fresh table, which is deleted afterwards.</summary>
    public static async Task<AzuriteCeiling> MeasureAsync(
        TableServiceClient tables, string runTag, TimeSpan duration, CancellationToken cancellationToken, int writers = DefaultWriters, int batchSize = DefaultBatchSize)
    {
        var table = tables.GetTableClient($"ceiling{runTag}");
        await table.CreateAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var written = await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(() => WriteAsync(table, $"w{writer}", batchSize, clock, duration, cancellationToken), cancellationToken)));
            var elapsed = clock.Elapsed;
            return new AzuriteCeiling(writers, batchSize, written.Sum(w => w.Entities), elapsed, written.Sum(w => w.Failures));
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    private static async Task<(long Entities, int Failures)> WriteAsync(
        TableClient table, string partition, int batchSize, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        long entities = 0, row = 0;
        var failures = 0;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var batch = new List<TableTransactionAction>(batchSize);
            for (var i = 0; i < batchSize; i++)
            {
                var entity = new TableEntity(partition, (row++).ToString("D12", System.Globalization.CultureInfo.InvariantCulture)) { ["Body"] = Payload };
                batch.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
            }

            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                entities += batchSize;
            }
            catch (RequestFailedException)
            {
                failures++;
            }
        }

        return (entities, failures);
    }

    public override string ToString() =>
        $"{EntitiesPerSecond:0} entities/s ({Entities} in {Elapsed.TotalSeconds:0.0} s; {Writers} writers, {BatchSize} inserts a transaction{(Failures > 0 ? $", {Failures} transactions failed" : "")})";
}
