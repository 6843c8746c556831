using System.Text.Json.Nodes;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Infrastructure.State;
using HousingLedger.Values;

namespace HousingLedger.Functions.Jobs;

/// <summary>
/// Shows and erases the free text a job's events committed to off the ledger (a completion's notes, a dispute's
/// reason). Erasing, for a UK GDPR request, deletes each text with its salt and records <c>data.erased</c> on the
/// association's chain, in one transaction: the text is never gone without the record, nor the record without it.
/// The commitments stay on the ledger, so every block, receipt and checkpoint still verifies; nothing can show
/// any more that a text matched one.
/// </summary>
public sealed class TextErasure(JobStore jobs, EventIntake intake)
{
    public const string ErasedType = "data.erased";

    private const int Attempts = 3;

    /// <summary>The text event <paramref name="eventId"/> of the job committed to, or why it cannot be shown.</summary>
    public async Task<KeptTextResult> ReadAsync(AssociationId associationId, JobId jobId, EventId eventId, CancellationToken cancellationToken)
    {
        var stored = await jobs.GetAsync(associationId, jobId, cancellationToken);
        if (stored is null || !stored.Record.Events.Any(e => e.EventId == eventId.Value))
        {
            return new KeptTextResult.None();
        }

        if (await jobs.GetFreeTextAsync(associationId, eventId, cancellationToken) is { } text)
        {
            return new KeptTextResult.Kept(text);
        }

        return await jobs.GetErasureAsync(associationId, eventId, cancellationToken) is { } erasure
            ? new KeptTextResult.Erased(Erasure.FromRow(erasure, [eventId.Value]))
            : new KeptTextResult.None();
    }

    /// <summary>
    /// Erases every text the job still keeps. With none left, answers the latest erasure again, so a retry gets
    /// the first answer; <paramref name="eventId"/> (the Idempotency-Key, if given) names the <c>data.erased</c> event.
    /// </summary>
    public async Task<ErasureResult> EraseAsync(AssociationId associationId, JobId jobId, EventId? eventId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await jobs.GetAsync(associationId, jobId, cancellationToken);
            if (stored is null)
            {
                return new ErasureResult.NoJob();
            }

            var texts = await Task.WhenAll(stored.Record.Events.Select(async e =>
            {
                var id = TypedId.Parse<EventId>(e.EventId);
                return (EventId: id, Text: await jobs.GetFreeTextAsync(associationId, id, cancellationToken), Erasure: await jobs.GetErasureAsync(associationId, id, cancellationToken));
            }));
            var kept = texts.Where(t => t.Text is not null).ToList();
            if (kept.Count == 0)
            {
                var earlier = Latest(texts.Where(t => t.Erasure is not null).Select(t => (t.EventId, t.Erasure!)));
                return earlier is null ? new ErasureResult.NothingKept() : new ErasureResult.Erased(earlier);
            }

            var data = new JsonObject
            {
                ["jobId"] = jobId.Value,
                ["erased"] = new JsonArray([.. kept.Select(t => (JsonNode)new JsonObject
                {
                    ["eventId"] = t.EventId.Value,
                    ["commitment"] = t.Text!["commitment"]!.GetValue<string>(),
                })]),
            };
            var tx = intake.NewTransaction(ErasedType, associationId.Value, eventId, null, "association:" + associationId.Value, jobId.Value, data);
            var row = new JsonObject { ["erasureEventId"] = tx.EventId, ["erasedAt"] = UtcTimestamp.Format(tx.RecordedAt) };
            var changes = kept.SelectMany(t => JobStore.TextErased(t.EventId, (JsonObject)row.DeepClone()));
            switch (await intake.AcceptAsync(tx, changes, cancellationToken))
            {
                case AcceptOutcome.Accepted:
                    return new ErasureResult.Erased(Erasure.FromRow(row, [.. kept.Select(t => t.EventId.Value)]));
                case AcceptOutcome.DuplicateEvent:
                    // A retry of this erasure finds nothing left to erase above; this key named another event.
                    return new ErasureResult.Conflict($"The Idempotency-Key '{eventId}' was used before for another event.");
                default:
                    continue; // another erasure took the texts first: answer from what is left
            }
        }

        return new ErasureResult.Conflict("The job's texts changed repeatedly while they were being erased; send the request again.");
    }

    /// <summary>The latest erasure among the rows, with every event whose text it erased.</summary>
    private static Erasure? Latest(IEnumerable<(EventId EventId, JsonObject Row)> erased) => erased
        .GroupBy(e => e.Row["erasureEventId"]!.GetValue<string>())
        .Select(group => Erasure.FromRow(group.First().Row, [.. group.Select(e => e.EventId.Value)]))
        .MaxBy(erasure => erasure.ErasedAt);
}

/// <summary>One erasure: its <c>data.erased</c> event, when, and the events whose text it erased.</summary>
public sealed record Erasure(string EventId, DateTimeOffset ErasedAt, IReadOnlyList<string> TextsOf)
{
    public static Erasure FromRow(JsonObject row, IReadOnlyList<string> textsOf)
    {
        var erasedAt = row["erasedAt"]!.GetValue<string>();
        return UtcTimestamp.TryParse(erasedAt, out var at)
            ? new(row["erasureEventId"]!.GetValue<string>(), at, textsOf)
            : throw new InvalidDataException($"An erasure row holds '{erasedAt}', not an instant.");
    }
}

/// <summary>What came of a request to erase a job's texts.</summary>
public abstract record ErasureResult
{
    private ErasureResult()
    {
    }

    public sealed record Erased(Erasure Erasure) : ErasureResult;

    /// <summary>The job keeps no text off the ledger, and none was erased.</summary>
    public sealed record NothingKept : ErasureResult;

    public sealed record NoJob : ErasureResult;

    public sealed record Conflict(string Reason) : ErasureResult;
}

/// <summary>What came of asking for the text an event committed to.</summary>
public abstract record KeptTextResult
{
    private KeptTextResult()
    {
    }

    /// <summary>The text, its salt and its commitment.</summary>
    public sealed record Kept(JsonObject Row) : KeptTextResult;

    public sealed record Erased(Erasure Erasure) : KeptTextResult;

    /// <summary>No such job or event of it, or the event kept no text.</summary>
    public sealed record None : KeptTextResult;
}
