using System.Diagnostics;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using HousingLedger.Testing;

namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>
/// What Azurite charges for the table calls the pipeline makes, on a table with and without history in other
/// partitions. Azure answers a point read in constant time and a partition range in time proportional to the range,
/// so any growth here is Azurite's, not the pipeline's: a load run that slows as its data grows is read against it.
/// Each benchmark runs in its own process with its own private, in-memory Azurite, filled in <see cref="StartAsync"/>
/// (10^5 rows take about a minute here, so the whole class takes about 7 minutes).
/// </summary>
// Fewer iterations than the default job: a call takes a millisecond or more, and the fills dominate the run already.
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 20)]
public class AzuriteHistoryBenchmarks
{
    private const int BatchSize = 100;
    private const int HistoryPartitions = 1_000;
    private const int FillWriters = 4;
    private const string LivePartition = "live";
    private const string OutboxPrefix = "outbox|";
    private const int OutboxRows = 20;
    private const int StateRows = 20;

    // About the size of an outbox row's ledger transaction, as in the load generator's ceiling.
    private static readonly string Payload = new('x', 340);

    private readonly AzuriteFixture azurite = new();
    private readonly List<string> writtenPartitions = [];
    private TableClient table = null!;
    private int nextPartition;
    private int nextState;

    [Params(0, 100_000)]
    public int HistoryRows { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        await azurite.InitializeAsync();
        table = azurite.Storage.Tables.GetTableClient("history");
        await table.CreateAsync();

        var clock = Stopwatch.StartNew();
        await FillHistoryAsync();
        Console.WriteLine($"// Filled {HistoryRows:N0} history rows in {clock.Elapsed.TotalSeconds:0.0} s");

        // Written after the history, as a chain's newest rows are: a scan in insertion order meets them last.
        await SubmitInsertsAsync(LivePartition, [
            "head",
            .. Enumerable.Range(0, OutboxRows).Select(OutboxKey),
            .. Enumerable.Range(0, StateRows).Select(StateKey)]);
    }

    [GlobalCleanup]
    public Task StopAsync() => azurite.DisposeAsync();

    /// <summary>A point read of a row that exists: the head, a state row, a directory entry.</summary>
    [Benchmark]
    public async Task<TableEntity> ReadExistingRow() => (await table.GetEntityAsync<TableEntity>(LivePartition, "head")).Value;

    /// <summary>A point read of a row that does not exist: the duplicate check before an event is accepted.</summary>
    [Benchmark]
    public async Task<bool> ReadMissingRow() => (await table.GetEntityIfExistsAsync<TableEntity>(LivePartition, "dedup|absent")).HasValue;

    /// <summary>The live partition's outbox rows by key range, as the appender reads them.</summary>
    [Benchmark]
    public async Task<int> QueryPartitionRange()
    {
        var rows = 0;

        // '}' is the character after '|', so the range holds exactly the keys that start with the prefix.
        var filter = $"PartitionKey eq '{LivePartition}' and RowKey ge '{OutboxPrefix}' and RowKey lt 'outbox}}'";
        await foreach (var _ in table.QueryAsync<TableEntity>(filter))
        {
            rows++;
        }

        return rows == OutboxRows ? rows : throw new InvalidOperationException($"the range held {rows} rows, not {OutboxRows}");
    }

    /// <summary>
    /// A state row of the live partition replaced, as a job row, an index row or a run row is when an event moves it
    /// on; each invocation takes the next of the partition's state rows, so the table keeps its size.
    /// </summary>
    [Benchmark]
    public async Task ReplaceExistingRow()
    {
        var rowKey = StateKey(nextState++ % StateRows);
        await table.UpdateEntityAsync(new TableEntity(LivePartition, rowKey) { ["Tx"] = Payload }, Azure.ETag.All, TableUpdateMode.Replace);
    }

    /// <summary>An entity-group transaction of 100 inserts into a partition no invocation has used.</summary>
    [Benchmark]
    public async Task InsertBatch()
    {
        var partition = $"new{nextPartition++:D8}";
        writtenPartitions.Add(partition);
        await SubmitInsertsAsync(partition, [.. Enumerable.Range(0, BatchSize).Select(OutboxKey)]);
    }

    // The inserted rows are removed between iterations, so the table holds the history and nothing more throughout.
    // An iteration cleanup makes BenchmarkDotNet time one invocation an iteration, which a batch's 10 ms and more allows.
    [IterationCleanup(Target = nameof(InsertBatch))]
    public void DeleteInsertedRows()
    {
        foreach (var partition in writtenPartitions)
        {
            var deletes = Enumerable.Range(0, BatchSize)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, OutboxKey(i))));
            table.SubmitTransaction(deletes);
        }

        writtenPartitions.Clear();
    }

    // History rows of BatchSize per transaction, spread over HistoryPartitions partitions, by a few writers at once.
    private async Task FillHistoryAsync()
    {
        var batches = HistoryRows / BatchSize;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, FillWriters).Select(async _ =>
        {
            for (var batch = Interlocked.Increment(ref next); batch < batches; batch = Interlocked.Increment(ref next))
            {
                var partition = $"chain{batch % HistoryPartitions:D4}";
                var first = batch / HistoryPartitions * BatchSize;
                await SubmitInsertsAsync(partition, [.. Enumerable.Range(first, BatchSize).Select(i => $"tx|{i:D12}")]);
            }
        }));
    }

    private static string OutboxKey(int index) => $"{OutboxPrefix}{index:D12}";

    private static string StateKey(int index) => $"state|{index:D12}";

    private async Task SubmitInsertsAsync(string partition, IEnumerable<string> rowKeys) =>
        await table.SubmitTransactionAsync(rowKeys.Select(rowKey =>
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, rowKey) { ["Tx"] = Payload })));
}
