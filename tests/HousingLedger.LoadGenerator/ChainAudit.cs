using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.LoadGenerator;

/// <summary>
/// What one association's chain holds after the run, checked against what the service acknowledged: events
/// acknowledged but missing (lost), on the chain more than once (doubled), or on it though never sent or never
/// refused-as-uncertain (unexpected); breaks in the chain's links (a height missing or repeated, or a
/// <c>previousHash</c> that is not the hash of the block before: a fork); the settlements on it; and the blocks the
/// load's events were appended in. Settlement's own events (<c>job.settled</c>, <c>batch.created</c>) are the
/// service's, never unexpected.
/// </summary>
public sealed record ChainAudit(
    string Chain,
    long Transactions,
    bool Valid,
    string VerifyAnswer,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Doubled,
    IReadOnlyList<string> Unexpected,
    int RecordedWithoutAnswer,
    IReadOnlyList<int> LoadBlockSizes,
    IReadOnlyList<string> Breaks,
    IReadOnlyList<(string JobId, string BatchId)> Settled,
    IReadOnlyList<string> BatchesCreated,
    IReadOnlyList<EventTiming> LoadEventTimes)
{
    private static readonly string[] SettlementEventPrefixes = ["settle_", "settleh_", "batch_", "batchh_"];

    public bool Sound => Valid && Lost.Count == 0 && Doubled.Count == 0 && Unexpected.Count == 0 && Breaks.Count == 0;

    /// <summary>
    /// Reads the chain's blocks, its export and its verification. <paramref name="acknowledged"/> are the event ids
    /// answered 202 (plus the contract's), <paramref name="uncertain"/> those sent without a definite answer, and
    /// <paramref name="history"/> those of them put there before the measured load: checked like the rest, but left
    /// out of the load's blocks and times.
    /// </summary>
    public static async Task<ChainAudit> ReadAsync(
        ServiceClient client,
        AssociationAccount association,
        IReadOnlySet<string> acknowledged,
        IReadOnlySet<string> uncertain,
        CancellationToken cancellationToken,
        IReadOnlySet<string>? history = null)
    {
        bool IsLoad(string eventId) => eventId != association.ContractEventId && history?.Contains(eventId) != true;

        var chain = association.AssociationId;
        var head = Ok(await client.ReadAsync($"/api/ledger/{chain}/head", association.ApiKey, cancellationToken), "head").Json;
        var height = (long)head["height"]!;

        var loadBlockSizes = new List<int>();
        for (long from = 0; from <= height; from += 100)
        {
            var page = Ok(await client.ReadAsync($"/api/ledger/{chain}/blocks?from={from}&to={Math.Min(from + 99, height)}", association.ApiKey, cancellationToken), "blocks").Json;
            foreach (var block in page["blocks"]!.AsArray())
            {
                var transactions = block!["transactions"]!.AsArray();
                if (transactions.Any(tx => IsLoad((string)tx!["eventId"]!)))
                {
                    loadBlockSizes.Add(transactions.Count);
                }
            }
        }

        var onChain = new Dictionary<string, int>();
        var breaks = new List<string>();
        var settled = new List<(string, string)>();
        var batches = new List<string>();
        var times = new List<EventTiming>();
        BlockHeader? previous = null;
        var export = Ok(await client.ReadAsync($"/api/ledger/{chain}/export", association.ApiKey, cancellationToken), "export").Body;
        foreach (var line in export.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var block = Block.FromExportLine(line);
            if (!block.IsValid)
            {
                throw new AuditFailedException($"The chain's export has a line that is not a block: {block.Errors[0].Message}");
            }

            var header = block.Value.Header;
            var expectedHeight = previous is null ? 0 : previous.Height + 1;
            var expectedPrevious = previous?.Hash() ?? BlockHeader.GenesisPreviousHash;
            if (header.Height != expectedHeight || header.PreviousHash != expectedPrevious)
            {
                breaks.Add($"height {header.Height} (expected {expectedHeight}) links to {header.PreviousHash[..12]}…, not {expectedPrevious[..12]}…");
            }

            previous = header;
            foreach (var tx in block.Value.Transactions)
            {
                var eventId = tx.EventId;
                onChain[eventId] = onChain.GetValueOrDefault(eventId) + 1;
                if (onChain[eventId] == 1 && IsLoad(eventId) && acknowledged.Contains(eventId))
                {
                    times.Add(new EventTiming(tx.RecordedAt, header.SealedAt));
                }

                if (tx.Type == "job.settled")
                {
                    settled.Add((tx.Subject, (string?)tx.Data["batchId"] ?? ""));
                }
                else if (tx.Type == "batch.created")
                {
                    batches.Add(tx.Subject);
                }
            }
        }

        var verify = Ok(await client.ReadAsync($"/api/ledger/{chain}/verify", association.ApiKey, cancellationToken), "verify");
        var verdict = verify.Json;
        var valid = (bool)verdict["valid"]! && (long)verdict["transactions"]! == (long)head["txCount"]!;

        return new ChainAudit(
            chain,
            (long)head["txCount"]!,
            valid,
            verify.Body,
            acknowledged.Where(id => !onChain.ContainsKey(id)).Order(StringComparer.Ordinal).ToList(),
            onChain.Where(e => e.Value > 1).Select(e => e.Key).Order(StringComparer.Ordinal).ToList(),
            onChain.Keys.Where(id => !acknowledged.Contains(id) && !uncertain.Contains(id) && !IsSettlements(id)).Order(StringComparer.Ordinal).ToList(),
            onChain.Keys.Count(uncertain.Contains),
            loadBlockSizes,
            breaks,
            settled,
            batches,
            times);
    }

    private static bool IsSettlements(string eventId) => SettlementEventPrefixes.Any(prefix => eventId.StartsWith(prefix, StringComparison.Ordinal));

    private static Answer Ok(Answer answer, string what) =>
        answer.Status == 200 ? answer : throw new AuditFailedException($"Reading the chain's {what} answered {answer.Status}: {answer.Body}");
}

/// <summary>When the service recorded an event (accepted it) and sealed the block that holds it, by its own clock.</summary>
public sealed record EventTiming(DateTimeOffset RecordedAt, DateTimeOffset SealedAt)
{
    public TimeSpan Lag => SealedAt - RecordedAt;
}

/// <summary>The service would not show a chain, so it could not be checked.</summary>
public sealed class AuditFailedException(string message) : Exception(message);
