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
            foreach (var association in associations.Where(a => state[a.AssociationId].Item1 is null))
            {
                var head = await client.GetAsync($"/api/ledger/{association.AssociationId}/head", association.ApiKey, cancellationToken);
                var count = head.Status == 200 ? (long)head.Json["txCount"]! : state[association.AssociationId].Item2;
                state[association.AssociationId] = (count >= expected(association) ? clock.Elapsed : null, count);
            }

            if (state.Values.All(s => s.Item1 is not null) || clock.Elapsed > deadline)
            {
                return state.ToDictionary(e => e.Key, e => (e.Value.Item1, e.Value.Item2));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
