using System.Collections.Concurrent;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace HousingLedger.Infrastructure.Tables;

/// <summary>
/// Commits concurrent entity-group transactions of one partition together. While one transaction of a partition is
/// in flight, those asked for meanwhile wait, and then go as one transaction, as many as its limits allow (100
/// entities, and well under its 4 MiB body). Each request still answers alone: once the transaction that holds it
/// has committed, or with its own failure. When one request's row refuses the transaction (a claim that exists, a
/// version that moved on), only that request fails, and the rest go again without it.
/// <para>
/// So a burst on one chain costs a few transactions instead of one each, and no request waits longer than the one
/// transaction in flight before its own: there is no timer, and a lone request goes at once.
/// </para>
/// </summary>
public sealed class GroupCommit(Func<TableClient> table)
{
    public const int MaxActions = 100;

    // Table Storage refuses a transaction body over 4 MiB; the size of a group is estimated, so keep well clear.
    private const int MaxGroupBytes = 2 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, PartitionLine> partitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Commits <paramref name="actions"/>, all of <paramref name="partition"/>, atomically: all or none, perhaps in one
    /// transaction with other requests'.
    /// </summary>
    /// <returns>Null when committed; else the index in <paramref name="actions"/> of the action the service refused, and its status (404, 409 or 412).</returns>
    /// <exception cref="RequestFailedException">The service failed the transaction in another way; nothing of these actions was written.</exception>
    public async Task<ActionRefused?> CommitAsync(string partition, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(actions.Count, MaxActions);
        var request = new Request(actions);
        var line = partitions.GetOrAdd(partition, _ => new PartitionLine());
        if (line.Enqueue(request))
        {
            _ = Task.Run(() => DrainAsync(line), CancellationToken.None);
        }

        // A caller that gives up still leaves its request to commit: like a crash after the commit, a retry under the same
        // event id then finds it accepted.
        return await request.Outcome.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync(PartitionLine line)
    {
        while (line.TakeGroup() is { Count: > 0 } group)
        {
            await CommitGroupAsync(group);
        }
    }

    private async Task CommitGroupAsync(List<Request> group)
    {
        while (group.Count > 0)
        {
            try
            {
                await table().SubmitTransactionAsync(group.SelectMany(r => r.Actions).ToList(), CancellationToken.None);
                group.ForEach(r => r.Outcome.TrySetResult(null));
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is { } index && Locate(group, index) is var (request, own))
            {
                if (ex.Status is 404 or 409 or 412)
                {
                    request.Outcome.TrySetResult(new ActionRefused(own, ex.Status));
                }
                else
                {
                    request.Outcome.TrySetException(ex);
                }

                group.Remove(request);
            }
            catch (Exception ex)
            {
                group.ForEach(r => r.Outcome.TrySetException(ex));
                return;
            }
        }
    }

    /// <summary>The request holding the group's action at <paramref name="index"/>, and that action's index in the request.</summary>
    private static (Request Request, int Own)? Locate(List<Request> group, int index)
    {
        foreach (var request in group)
        {
            if (index < request.Actions.Count)
            {
                return (request, index);
            }

            index -= request.Actions.Count;
        }

        return null;
    }

    /// <summary>One caller's actions, and the answer it waits for.</summary>
    private sealed class Request(IReadOnlyList<TableTransactionAction> actions)
    {
        public IReadOnlyList<TableTransactionAction> Actions { get; } = actions;

        public IEnumerable<string> RowKeys => Actions.Select(a => a.Entity.RowKey);

        public int Bytes { get; } = actions.Sum(a => EstimatedBytes(a.Entity));

        public TaskCompletionSource<ActionRefused?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private static int EstimatedBytes(ITableEntity entity) =>
            1024 + (entity is IDictionary<string, object> properties
                ? properties.Sum(p => p.Key.Length + p.Value switch
                {
                    string text => Encoding.UTF8.GetByteCount(text),
                    byte[] bytes => bytes.Length * 4 / 3,
                    BinaryData data => data.ToMemory().Length * 4 / 3,
                    _ => 32,
                })
                : 64 * 1024);
    }

    /// <summary>The requests of one partition waiting for a transaction, and whether one is draining them.</summary>
    private sealed class PartitionLine
    {
        private readonly List<Request> waiting = [];
        private bool draining;

        /// <summary>Adds a request; true when the caller must start draining, none being under way.</summary>
        public bool Enqueue(Request request)
        {
            lock (waiting)
            {
                waiting.Add(request);
                if (draining)
                {
                    return false;
                }

                draining = true;
                return true;
            }
        }

        /// <summary>
        /// The next group, oldest first: each request that fits beside those taken and touches none of their rows (one
        /// transaction may not name a row twice; the later request waits for the next group, and then meets the row as
        /// the earlier one left it). Empty, and draining ends, when nothing waits.
        /// </summary>
        public List<Request> TakeGroup()
        {
            lock (waiting)
            {
                var group = new List<Request>();
                var rows = new HashSet<string>(StringComparer.Ordinal);
                var (actions, bytes) = (0, 0);
                foreach (var request in waiting)
                {
                    var fits = group.Count == 0 || (actions + request.Actions.Count <= MaxActions && bytes + request.Bytes <= MaxGroupBytes);
                    if (fits && !request.RowKeys.Any(rows.Contains))
                    {
                        group.Add(request);
                        rows.UnionWith(request.RowKeys);
                        (actions, bytes) = (actions + request.Actions.Count, bytes + request.Bytes);
                    }
                }

                waiting.RemoveAll(group.Contains);
                draining = group.Count > 0;
                return group;
            }
        }
    }
}

/// <summary>The action of a request that the service refused, by its index in the request, and the status it gave.</summary>
public sealed record ActionRefused(int Index, int Status);
