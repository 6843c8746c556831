using System.Text.Json;
using System.Text.Json.Serialization;
using HousingLedger.Infrastructure.Tables;
using HousingLedger.Jobs;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// The association's jobs newest first, for <c>GET /api/jobs</c>: one row <c>list|{position}|{jobId}</c> a job, in the
/// partition of the association that raised it, holding the <see cref="Job"/> as it now stands. The position is
/// <see cref="DateTimeOffset.MaxValue"/>'s ticks less the job's <c>raisedAt</c> ticks, so key order is newest raised
/// first and a raised-between range is a key range. The row is written in the transaction that writes the job's own
/// row (<see cref="JobStore"/>), so the list never disagrees with the job. A page reads one key range from where the
/// last stopped and at most <see cref="ScanBudget"/> rows, so its cost does not grow with the association's history.
/// </summary>
public sealed class JobListIndex(StateStore state)
{
    /// <summary>The most rows one page reads when a filter passes over some; the page then stops early with a cursor.</summary>
    public const int ScanBudget = 1000;

    private const string Prefix = "list|";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly JobListFilter Unfiltered = new(null, null, null, null, null);

    /// <summary>
    /// Up to <paramref name="limit"/> of the association's jobs raised in [<paramref name="raisedFrom"/>,
    /// <paramref name="raisedTo"/>) that <paramref name="filter"/> lets through at <paramref name="now"/>, newest
    /// first, after <paramref name="after"/>; with the cursor to read on from, or null when no row is left.
    /// </summary>
    public async Task<JobListPage> PageAsync(
        AssociationId associationId, JobListQuery query, JobListCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var fromKey = query.RaisedTo is { } to ? Keys.PrefixEnd(PositionPrefix(Position(to))) : Prefix;
        if (after is { } cursor && string.CompareOrdinal(Key(cursor), fromKey) >= 0)
        {
            // Ids hold no character below '!', so the only key in [key, key + "!") is the cursor's own.
            fromKey = Key(cursor) + "!";
        }

        var toKey = query.RaisedFrom is { } from ? Keys.PrefixEnd(PositionPrefix(Position(from))) : Keys.PrefixEnd(Prefix);
        var perPage = query.Filter == Unfiltered ? limit + 1 : ScanBudget;
        var jobs = new List<Job>();
        var read = 0;
        JobListCursor? last = null;
        await foreach (var (_, row) in state.ListAsync(associationId.Value, fromKey, toKey, perPage, cancellationToken))
        {
            if (jobs.Count == limit || read == ScanBudget)
            {
                // A row is left beyond this page.
                return new JobListPage(jobs, last);
            }

            var job = row.Document.Deserialize<Job>(Json) ?? throw new InvalidDataException("A job list row is empty.");
            read++;
            last = Cursor(job);
            if (query.Filter.Matches(job, now))
            {
                jobs.Add(job);
            }
        }

        return new JobListPage(jobs, null);
    }

    /// <summary>The list row to write with <paramref name="job"/>, the job as it now stands.</summary>
    internal static StateChange Change(Job job) =>
        StateChange.Put(Key(Cursor(job)), JsonSerializer.SerializeToNode(job, Json)!.AsObject());

    private static JobListCursor Cursor(Job job) => new(Position(job.RaisedAt), job.JobId);

    private static long Position(DateTimeOffset raisedAt) => DateTimeOffset.MaxValue.UtcTicks - raisedAt.UtcTicks;

    private static string PositionPrefix(long position) => Prefix + Keys.Padded(position) + "|";

    private static string Key(JobListCursor cursor) => PositionPrefix(cursor.Position) + cursor.JobId.Value;
}

/// <summary>Which jobs a list asks for: raised in [<paramref name="RaisedFrom"/>, <paramref name="RaisedTo"/>) (either end open when null), and passing <paramref name="Filter"/>.</summary>
public sealed record JobListQuery(DateTimeOffset? RaisedFrom, DateTimeOffset? RaisedTo, JobListFilter Filter);

/// <summary>A page of the job list and where to read on; <paramref name="Next"/> is null when nothing is left.</summary>
public sealed record JobListPage(IReadOnlyList<Job> Jobs, JobListCursor? Next);
