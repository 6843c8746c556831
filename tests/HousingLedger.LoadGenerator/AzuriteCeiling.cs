using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// The most entities a second the storage takes in this run's conditions: entity-group transactions of 100 inserts,
/// from a few writers at once, each on its own partition of a fresh table. No pipeline that writes each event in a
/// Table transaction can accept events faster, so every rate of the run is also given as a fraction of it. Then,
/// for as long again, how many point reads a second it answers of the rows just written, from 32 readers (the
/// load's clients, by default): a pipeline that reads rows for each event can accept no more events a second than that
/// divided by its reads an event, however little it writes.
/// </summary>
public sealed record AzuriteCeiling(int Writers, int BatchSize, long Entities, TimeSpan Elapsed, int Failures, int Readers, long PointReads, TimeSpan ReadElapsed)
{
    public const int DefaultWriters = 4;

    public const int DefaultReaders = 32;

    /// <summary>The most entities one Table transaction may carry.</summary>
    public const int DefaultBatchSize = 100;

    // About the size of an outbox row's ledger transaction, so the figure is for entities like the pipeline's.
    private static readonly string Payload = new('x', 340);

    public double EntitiesPerSecond => Elapsed > TimeSpan.Zero ? Entities / Elapsed.TotalSeconds : 0;

    public double PointReadsPerSecond => ReadElapsed > TimeSpan.Zero ? PointReads / ReadElapsed.TotalSeconds : 0;

    /// <summary><paramref name="rate"/> as a fraction of the ceiling.</summary>
    public double Ratio(double rate) => EntitiesPerSecond > 0 ? rate / EntitiesPerSecond : 0;

    /// <summary>Writes, then reads, each for <paramref name="duration"/>, in a fresh table, which is deleted afterwards.</summary>
    public static async Task<AzuriteCeiling> MeasureAsync(
        TableServiceClient tables, string runTag, TimeSpan duration, CancellationToken cancellationToken, int writers = DefaultWriters, int batchSize = DefaultBatchSize, int readers = DefaultReaders)
    {
        var table = tables.GetTableClient($"ceiling{runTag}");
        await table.CreateAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var written = await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(() => WriteAsync(table, $"w{writer}", batchSize, clock, duration, cancellationToken), cancellationToken)));
            var elapsed = clock.Elapsed;
            var rows = written.Select(w => w.Entities).ToArray();
            clock.Restart();
            var read = await Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(() => ReadAsync(table, rows, reader, clock, duration, cancellationToken), cancellationToken)));
            return new AzuriteCeiling(writers, batchSize, rows.Sum(), elapsed, written.Sum(w => w.Failures), readers, read.Sum(), clock.Elapsed);
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    // Reads rows written by the writers, spread over their partitions, one at a time.
    private static async Task<long> ReadAsync(TableClient table, long[] rowsByWriter, int reader, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        var random = new Random(reader);
        long reads = 0;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var writer = random.Next(rowsByWriter.Length);
            if (rowsByWriter[writer] == 0)
            {
                return reads;
            }

            var row = random.NextInt64(rowsByWriter[writer]).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
            await table.GetEntityAsync<TableEntity>($"w{writer}", row, cancellationToken: cancellationToken);
            reads++;
        }

        return reads;
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
                // Nothing of a failed transaction is stored: its row numbers go to the next, so the rows stored
                // are 0 to entities - 1, which the readers read.
                row -= batchSize;
                failures++;
            }
        }

        return (entities, failures);
    }

    public override string ToString() =>
        $"{EntitiesPerSecond:0} entities/s ({Entities} in {Elapsed.TotalSeconds:0.0} s; {Writers} writers, {BatchSize} inserts a transaction{(Failures > 0 ? $", {Failures} transactions failed" : "")}); " +
        $"{PointReadsPerSecond:0} point reads/s of those rows ({PointReads} in {ReadElapsed.TotalSeconds:0.0} s; {Readers} readers)";
}
