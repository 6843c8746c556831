using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using HousingLedger.Fees;
using HousingLedger.Spend;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Settlement's rows in an association's state partition: <c>settlementrun|{runId}</c>, its part of each run
/// (<see cref="SettlementRunRecord"/>); <c>settled|{batchId}|{supplierId}|{jobId}</c>, each job settled into a batch
/// (<see cref="SettledJobRow"/>), keyed so one supplier's jobs are read together, in job id order, as the batch's
/// files list them; and <c>batch|{batchId}</c>, each batch filed, as finance lists it.
/// </summary>
public sealed class SettlementStore(StateStore state)
{
    private const string RunPrefix = "settlementrun|";
    private const string BatchPrefix = "batch|";

    public async Task<StoredRun?> GetRunAsync(AssociationId associationId, string runId, CancellationToken cancellationToken = default) =>
        await state.GetAsync(associationId.Value, RunPrefix + runId, cancellationToken) is { } row
            ? new StoredRun(SettlementRunRecord.FromDocument(row.Document), row.Version)
            : null;

    /// <summary>Every run the association took part in, in run id order.</summary>
    public async IAsyncEnumerable<SettlementRunRecord> ListRunsAsync(AssociationId associationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (_, row) in state.ListAsync(associationId.Value, RunPrefix, cancellationToken))
        {
            yield return SettlementRunRecord.FromDocument(row.Document);
        }
    }

    /// <summary>Writes the association's part of a run as it now stands; last writer wins, and the write changes its version.</summary>
    public Task PutRunAsync(SettlementRunRecord run, CancellationToken cancellationToken = default) =>
        state.PutAsync(run.AssociationId.Value, RunPrefix + run.RunId, run.ToDocument(), cancellationToken);

    /// <summary>
    /// The rows written with a job's <c>job.settled</c>: the job settled into the run's batch, and its spend in the month
    /// of the run's as-of time (<see cref="SpendIndex"/>). The transaction also carries the run's <see cref="RunGuard"/>.
    /// </summary>
    public static IEnumerable<StateChange> JobSettled(SettlementRunRecord run, SettledJobRow settled) =>
    [
        StateChange.Create(SettledPrefix(run.BatchId, settled.SupplierId) + settled.JobId.Value, settled.ToDocument()),
        SpendIndex.Change(JobSpend.Of(StatementMonth.Of(run.AsOf), settled.JobId, settled.SupplierId, settled.ContractId, settled.Price)),
    ];

    /// <summary>
    /// The run's row rewritten as read, once in each transaction that settles jobs into its batch, so that transaction
    /// is refused if the run was closed for filing meanwhile.
    /// </summary>
    public static StateChange RunGuard(StoredRun run) => StateChange.Replace(RunPrefix + run.Record.RunId, run.Record.ToDocument(), run.Version);

    /// <summary>Every job settled into the batch, one supplier's after another's, each supplier's in job id order.</summary>
    public IAsyncEnumerable<SettledJobRow> ListSettledAsync(AssociationId associationId, string batchId, CancellationToken cancellationToken = default) =>
        ListSettledUnderAsync(associationId, SettledPrefix(batchId), cancellationToken);

    /// <summary>The jobs of supplier <paramref name="supplierId"/> settled into the batch, in job id order.</summary>
    public IAsyncEnumerable<SettledJobRow> ListSettledAsync(AssociationId associationId, string batchId, SupplierId supplierId, CancellationToken cancellationToken = default) =>
        ListSettledUnderAsync(associationId, SettledPrefix(batchId, supplierId), cancellationToken);

    public async Task<JsonObject?> GetBatchAsync(AssociationId associationId, string batchId, CancellationToken cancellationToken = default) =>
        (await state.GetAsync(associationId.Value, BatchPrefix + batchId, cancellationToken))?.Document;

    /// <summary>Every batch filed for the association, in batch id order.</summary>
    public async IAsyncEnumerable<JsonObject> ListBatchesAsync(AssociationId associationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (_, row) in state.ListAsync(associationId.Value, BatchPrefix, cancellationToken))
        {
            yield return row.Document;
        }
    }

    /// <summary>The row written with a batch's <c>batch.created</c>; it must not exist yet.</summary>
    public static StateChange BatchFiled(string batchId, JsonObject row) => StateChange.Create(BatchPrefix + batchId, row);

    private async IAsyncEnumerable<SettledJobRow> ListSettledUnderAsync(AssociationId associationId, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, row) in state.ListAsync(associationId.Value, prefix, cancellationToken))
        {
            yield return SettledJobRow.FromDocument(row.Document);
        }
    }

    private static string SettledPrefix(string batchId) => "settled|" + batchId + "|";

    private static string SettledPrefix(string batchId, SupplierId supplierId) => SettledPrefix(batchId) + supplierId.Value + "|";
}

/// <summary>An association's part of a run as stored, with the version (ETag) it was read at.</summary>
public sealed record StoredRun(SettlementRunRecord Record, string Version);
