using System.Diagnostics;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// Polls the associations' chain heads until each holds at least the transactions expected of it, or the time
/// runs out. The poll interval bounds the resolution of the times measured.
/// </summary>
public static class ChainDrain
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <returns>
    /// For each chain, when (on <paramref name="clock"/>) its head first showed the expected count, or
    /// <see langword="null"/> if it had not by the deadline; with the last count seen.
    /// </returns>
    public static async Task<IReadOnlyDictionary<string, (TimeSpan? ReachedAt, long TxCount)>> WaitAsync(
        ServiceClient client,
        IReadOnlyList<AssociationAccount> associations,
        Func<AssociationAccount, long> expected,
        Stopwatch clock,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var state = associations.ToDictionary(a => a.AssociationId, _ => ((TimeSpan?)null, -1L));
        var deadline = clock.Elapsed + timeout;
        while (true)
        {
            // All heads at once, so no chain's time includes waiting for another's answer.
            var pending = associations.Where(a => state[a.AssociationId].Item1 is null).ToList();
            var heads = await Task.WhenAll(pending.Select(a => client.GetAsync($"/api/ledger/{a.AssociationId}/head", a.ApiKey, cancellationToken)));
            var seenAt = clock.Elapsed;
            foreach (var (association, head) in pending.Zip(heads))
            {
                var count = head.Status == 200 ? (long)head.Json["txCount"]! : state[association.AssociationId].Item2;
                state[association.AssociationId] = (count >= expected(association) ? seenAt : null, count);
            }

            if (state.Values.All(s => s.Item1 is not null) || clock.Elapsed > deadline)
            {
                return state.ToDictionary(e => e.Key, e => (e.Value.Item1, e.Value.Item2));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
