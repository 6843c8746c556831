using HousingLedger.Ledger;

namespace HousingLedger.LoadGenerator.Faults;

/// <summary>The transaction counts of a set of chains, read at once: what a fault run holds unchanged, or waits to settle.</summary>
public static class ChainHeads
{
    /// <summary>Each chain of <paramref name="estate"/> and the operator's, read with the operator's key (which reads them all, suspended or not).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(ServiceClient client, Estate estate, string operatorKey, CancellationToken cancellationToken)
    {
        var chains = estate.Associations.Select(a => a.AssociationId).Append(OperatorChain.Name).ToList();
        var heads = await Task.WhenAll(chains.Select(chain => client.ReadAsync($"/api/ledger/{chain}/head", operatorKey, cancellationToken)));
        return chains.Zip(heads).ToDictionary(
            p => p.First,
            p => p.Second.Status == 200 ? (long)p.Second.Json["txCount"]! : throw new AuditFailedException($"Reading {p.First}'s head answered {p.Second.Status}: {p.Second.Body}"));
    }

    /// <summary>Reads the heads until two reads three seconds apart agree (longer than the idle queue poll) (nothing more is being appended), or the time runs out.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> SettledAsync(
        ServiceClient client, Estate estate, string operatorKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var last = await ReadAsync(client, estate, operatorKey, cancellationToken);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var now = await ReadAsync(client, estate, operatorKey, cancellationToken);
            if (now.All(h => last[h.Key] == h.Value) || DateTimeOffset.UtcNow > deadline)
            {
                return now;
            }

            last = now;
        }
    }
}
