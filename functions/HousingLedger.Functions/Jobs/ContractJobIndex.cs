using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HousingLedger.Functions.Api;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Jobs;
using HousingLedger.Settlement;

namespace HousingLedger.Functions.Jobs;

/// <summary>
/// Rows that let settlement read a contract's jobs in the orders it needs, a page at a time, instead of every job
/// an association has (SPEC §6). Each holds the job's <see cref="JobSummary"/> and is written in the transaction
/// that writes the job's own row, so the two never disagree. In the partition of the association that raised the job:
/// <list type="bullet">
/// <item><c>approval|{contractId}|{approvedAt}|{jobId}</c>: every job ever approved, in approval order (volume discounts);</item>
/// <item><c>deadline|{contractId}|{deadline}|{jobId}</c>: every job, in deadline order (lateness over the window);</item>
/// <item><c>payable|{contractId}|{approvedAt}|{jobId}</c>: jobs approved and not yet settled (whether a run has anything to pay, and from which contract year it must count).</item>
/// </list>
/// Instants are written to the tick with a fixed width, so key order is time order, then jobId order.
/// </summary>
public static class ContractJobIndex
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The index rows to write with <paramref name="after"/>, the job as it now stands; <paramref name="before"/> is the job as stored, null when it is raised.</summary>
    public static IEnumerable<StateChange> Changes(Job? before, Job after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var summary = JsonSerializer.SerializeToNode(JobSummary.Of(after, settledOnLedger: false), Json)!.AsObject();
        yield return StateChange.Put(Key(Chains.ContractJobsByDeadline(after.ContractId), after.Deadline, after.JobId), summary);
        if (after.ApprovedAt is { } approvedAt)
        {
            yield return StateChange.Put(Key(Chains.ContractJobsByApproval(after.ContractId), approvedAt, after.JobId), summary.DeepClone().AsObject());
            if (after.State == JobState.Approved)
            {
                yield return StateChange.Put(Key(Chains.ContractJobsPayable(after.ContractId), approvedAt, after.JobId), summary.DeepClone().AsObject());
            }
            else if (before is { State: JobState.Approved })
            {
                yield return StateChange.Delete(Key(Chains.ContractJobsPayable(after.ContractId), approvedAt, after.JobId));
            }
        }
    }

    /// <summary>The job an index row holds.</summary>
    /// <exception cref="InvalidDataException">The row holds no job.</exception>
    public static JobSummary Read(StoredDocument row) =>
        row.Document.Deserialize<JobSummary>(Json) ?? throw new InvalidDataException("A contract job index row is empty.");

    /// <summary>The first key of the index rows under <paramref name="prefix"/> at or after <paramref name="instant"/>.</summary>
    public static string From(string prefix, DateTimeOffset instant) => prefix + Instant(instant) + "|";

    /// <summary>The key past every index row under <paramref name="prefix"/> at or before <paramref name="instant"/>.</summary>
    public static string Through(string prefix, DateTimeOffset instant) => Keys.PrefixEnd(From(prefix, instant));

    private static string Key(string prefix, DateTimeOffset instant, string jobId) => From(prefix, instant) + jobId;

    private static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
