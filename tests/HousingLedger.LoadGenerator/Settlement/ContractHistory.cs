using Azure.Data.Tables;
using HousingLedger.Contracts;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.LoadGenerator.Settlement;

/// <summary>
/// A contract year of one association's jobs written straight into the state table, as the service's own events
/// would have left them: each job's row and its <see cref="ContractJobIndex"/> rows (<see cref="JobStore.Raised"/>), built by the domain's job
/// lifecycle. Far faster than raising them through the API, which the event pipeline's load run measures instead.
/// Every tenth job is completed two days after its deadline, so lateness has something to count.
/// </summary>
public sealed class ContractHistory(string associationId, string contractId, ContractTerms terms, string itemCode)
{
    private const int RowsPerTransaction = 100;

    /// <summary>
    /// Writes <paramref name="settled"/> jobs settled already and then <paramref name="payable"/> approved and
    /// unsettled, raised evenly from <paramref name="from"/> to <paramref name="to"/> in that order; returns the payable ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedAsync(
        TableClient stateTable, int settled, int payable, DateTimeOffset from, DateTimeOffset to, string runTag, CancellationToken cancellationToken)
    {
        var total = settled + payable;
        var step = (to - from) / total;
        var payableIds = new List<string>(payable);
        var pending = new List<TableTransactionAction>(RowsPerTransaction);
        for (var i = 0; i < total; i++)
        {
            var job = Job($"job_{runTag}_{i:D7}", from + (step * i), late: i % 10 == 0, settle: i < settled);
            if (i >= settled)
            {
                payableIds.Add(job.Job.JobId.Value);
            }

            var rows = JobStore.Raised(job).Select(change => (change.RowKey, change.Document!));
            foreach (var (rowKey, document) in rows)
            {
                if (pending.Count == RowsPerTransaction)
                {
                    await stateTable.SubmitTransactionAsync(pending, cancellationToken);
                    pending.Clear();
                }

                pending.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, DocumentRow.Create(associationId, rowKey, document)));
            }
        }

        if (pending.Count > 0)
        {
            await stateTable.SubmitTransactionAsync(pending, cancellationToken);
        }

        return payableIds;
    }

    private JobRecord Job(string jobId, DateTimeOffset raisedAt, bool late, bool settle)
    {
        var request = new JobRequest(TypedId.Parse<JobId>(jobId), TypedId.Parse<AssociationId>(associationId), TypedId.Parse<ContractId>(contractId), itemCode, 1, "routine", "UPRN-100023336956", raisedAt);
        var job = JobLifecycle.Raise(request, terms, raisedAt).Value;
        var events = new List<JobEventEntry> { Entry(jobId, JobEventTypes.Raised, raisedAt) };
        var completedAt = late ? job.Deadline.AddDays(2) : raisedAt.AddDays(3);
        foreach (var (type, at) in new[]
        {
            (JobEventTypes.Accepted, raisedAt.AddHours(1)),
            (JobEventTypes.Completed, completedAt),
            (JobEventTypes.Approved, completedAt.AddDays(1)),
            (JobEventTypes.Settled, completedAt.AddDays(2)),
        }.Take(settle ? 4 : 3))
        {
            job = JobLifecycle.Apply(job, type, at, at) is JobEventOutcome.Applied applied
                ? applied.Next
                : throw new InvalidOperationException($"The seeded job {jobId} refused {type} at {UtcTimestamp.Format(at)}.");
            events.Add(Entry(jobId, type, at));
        }

        return new JobRecord(job, events, events[^1].RecordedAt);
    }

    private static JobEventEntry Entry(string jobId, string type, DateTimeOffset at) => new($"evt_{jobId}_{type[4..]}", type, at, at);
}
