namespace HousingLedger.Ledger;

/// <summary>
/// Seals transactions into the next block of a chain: computes their RFC 6962 root, writes the header on top of
/// the chain's head and has the chain's key sign the header's hash. Thread-safe.
/// </summary>
public static class BlockSealer
{
    /// <summary>
    /// The block after <paramref name="previous"/> (null for the chain's first block) holding
    /// <paramref name="transactions"/> in order, sealed at <paramref name="sealedAt"/> and signed by <paramref name="key"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// There are no transactions, one belongs to another chain, two share an event id, or the head is another chain's:
    /// the caller must batch per chain and drop events already appended.
    /// </exception>
    /// <exception cref="InvalidOperationException">The key's signature is not 64 bytes of raw <c>r‖s</c>.</exception>
    public static async Task<Block> SealAsync(
        string chain,
        ChainHead? previous,
        IReadOnlyList<LedgerTransaction> transactions,
        DateTimeOffset sealedAt,
        ISigningKey key,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(key);
        RequireOneChain(chain, previous, transactions);

        var leafHashes = transactions.Select(t => t.LeafHash()).ToList();
        var header = new BlockHeader(
            chain,
            previous is null ? 0 : previous.Height + 1,
            previous?.BlockHash ?? BlockHeader.GenesisPreviousHash,
            LowercaseHex.Of(Rfc6962.RootHash(leafHashes)),
            transactions.Count,
            sealedAt,
            key.KeyId);
        var signature = await key.SignDigestAsync(header.HashBytes(), cancellationToken).ConfigureAwait(false);
        if (signature.Length != EcdsaSignature.RawLength)
        {
            throw new InvalidOperationException($"Key {key.KeyId} returned a {signature.Length}-byte signature; ES256 raw r‖s is {EcdsaSignature.RawLength} bytes.");
        }

        return new Block(header, StrictBase64Url.Encode(signature), transactions);
    }

    private static void RequireOneChain(string chain, ChainHead? previous, IReadOnlyList<LedgerTransaction> transactions)
    {
        if (transactions.Count == 0)
        {
            throw new ArgumentException("A block seals at least one transaction.", nameof(transactions));
        }

        if (previous is not null && previous.Chain != chain)
        {
            throw new ArgumentException($"The head given is chain '{previous.Chain}''s, not '{chain}''s.", nameof(previous));
        }

        var strayAt = transactions.ToList().FindIndex(t => t.Chain != chain);
        if (strayAt >= 0)
        {
            throw new ArgumentException($"Transaction {strayAt} ({transactions[strayAt].EventId}) belongs to chain '{transactions[strayAt].Chain}', not '{chain}'.", nameof(transactions));
        }

        var repeated = transactions.GroupBy(t => t.EventId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Event id '{repeated.Key}' appears {repeated.Count()} times in one block; an event is appended once.", nameof(transactions));
        }
    }
}
