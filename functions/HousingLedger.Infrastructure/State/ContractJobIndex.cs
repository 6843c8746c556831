using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Jobs;
using HousingLedger.Settlement;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// Rows that let settlement read a contract's jobs in the orders it needs, a page at a time, instead of every job
/// an association has (SPEC §6). Each holds the job's <see cref="JobSummary"/> and is written in the transaction
/// that writes the job's own row (<see cref="JobStore"/>), so the two never disagree. In the partition of the
/// association that raised the job:
/// <list type="bullet">
/// <item><c>approval|{contractId}|{approvedAt}|{jobId}</c>: every job ever approved, in approval order (volume discounts);</item>
/// <item><c>deadline|{contractId}|{deadline}|{jobId}</c>: every job, in deadline order (lateness over the window);</item>
/// <item><c>payable|{contractId}|{approvedAt}|{jobId}</c>: jobs approved and not yet settled (whether a run has anything to pay, and from which contract year it must count).</item>
/// </list>
/// Instants are written to the tick with a fixed width, so key order is time order, then jobId order.
/// </summary>
public sealed class ContractJobIndex(StateStore state)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>When the earliest of the association's jobs under the contract that is approved, unsettled and approved by <paramref name="asOf"/> was approved; null when there is none.</summary>
    public async Task<DateTimeOffset?> FirstPayableApprovalAsync(AssociationId associationId, ContractId contractId, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var prefix = Payable(contractId);
        var first = await state.FirstAsync(associationId.Value, prefix, Through(prefix, asOf), cancellationToken);
        return first is null ? null : Read(first).ApprovedAt;
    }

    /// <summary>The association's jobs under the contract approved in [<paramref name="from"/>, <paramref name="through"/>], settled or not, in (approval time, jobId) order.</summary>
    public IAsyncEnumerable<JobSummary> ApprovedAsync(
        AssociationId associationId, ContractId contractId, DateTimeOffset from, DateTimeOffset through, CancellationToken cancellationToken = default)
    {
        var prefix = ByApproval(contractId);
        return ReadAsync(associationId, From(prefix, from), Through(prefix, through), cancellationToken);
    }

    /// <summary>The association's jobs under the contract due in (<paramref name="after"/>, <paramref name="through"/>], in deadline order.</summary>
    public IAsyncEnumerable<JobSummary> DueAsync(
        AssociationId associationId, ContractId contractId, DateTimeOffset after, DateTimeOffset through, CancellationToken cancellationToken = default)
    {
        var prefix = ByDeadline(contractId);
        return ReadAsync(associationId, Through(prefix, after), Through(prefix, through), cancellationToken);
    }

    /// <summary>The index rows to write with <paramref name="after"/>, the job as it now stands; <paramref name="before"/> is the job as stored, null when it is raised.</summary>
    internal static IEnumerable<StateChange> Changes(Job? before, Job after)
    {
        var summary = JsonSerializer.SerializeToNode(JobSummary.Of(after, settledOnLedger: false), Json)!.AsObject();
        yield return StateChange.Put(Key(ByDeadline(after.ContractId), after.Deadline, after.JobId), summary);
        if (after.ApprovedAt is { } approvedAt)
        {
            yield return StateChange.Put(Key(ByApproval(after.ContractId), approvedAt, after.JobId), summary.DeepClone().AsObject());
            if (after.State == JobState.Approved)
            {
                yield return StateChange.Put(Key(Payable(after.ContractId), approvedAt, after.JobId), summary.DeepClone().AsObject());
            }
            else if (before is { State: JobState.Approved })
            {
                yield return StateChange.Delete(Key(Payable(after.ContractId), approvedAt, after.JobId));
            }
        }
    }

    private async IAsyncEnumerable<JobSummary> ReadAsync(
        AssociationId associationId, string fromKey, string toKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, row) in state.ListAsync(associationId.Value, fromKey, toKey, cancellationToken))
        {
            yield return Read(row);
        }
    }

    /// <exception cref="InvalidDataException">The row holds no job.</exception>
    private static JobSummary Read(StoredDocument row) =>
        row.Document.Deserialize<JobSummary>(Json) ?? throw new InvalidDataException("A contract job index row is empty.");

    private static string ByApproval(ContractId contractId) => "approval|" + contractId.Value + "|";

    private static string ByDeadline(ContractId contractId) => "deadline|" + contractId.Value + "|";

    private static string Payable(ContractId contractId) => "payable|" + contractId.Value + "|";

    // The first key of the rows under prefix at or after instant.
    private static string From(string prefix, DateTimeOffset instant) => prefix + Instant(instant) + "|";

    // The key past every row under prefix at or before instant.
    private static string Through(string prefix, DateTimeOffset instant) => Keys.PrefixEnd(From(prefix, instant));

    private static string Key(string prefix, DateTimeOffset instant, JobId jobId) => From(prefix, instant) + jobId.Value;

    private static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
