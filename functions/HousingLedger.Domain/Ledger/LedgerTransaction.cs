using System.Text;
using System.Text.Json.Nodes;
using HousingLedger.Validation;
using HousingLedger.Values;

namespace HousingLedger.Ledger;

/// <summary>
/// One event on a chain (SPEC §8): what happened (<see cref="Type"/>, e.g. <c>job.completed</c>), on which
/// chain, under which event id, when it happened and when the service recorded it, who did it, what it concerns,
/// and its <see cref="Data"/>. Immutable and thread-safe: <see cref="Data"/> is held as its RFC 8785 canonical
/// text and handed out as a fresh copy, so no caller can change a transaction after it has been hashed.
/// </summary>
public sealed record LedgerTransaction
{
    internal static readonly string[] MemberNames = ["type", "chain", "eventId", "occurredAt", "recordedAt", "actor", "subject", "data"];

    /// <summary>JCS(<see cref="ToJson"/>), held so that hashing a leaf parses and canonicalises nothing again.</summary>
    private readonly string canonicalJson;

    /// <exception cref="ArgumentException">
    /// A text is empty, <paramref name="chain"/> or <paramref name="eventId"/> breaks <see cref="Identifier.Rule"/>,
    /// <paramref name="data"/> holds a number that is not a safe whole number (SPEC §3: no ledger body holds
    /// one), or a text or <paramref name="data"/> holds a string JCS cannot write (a lone surrogate).
    /// </exception>
    public LedgerTransaction(
        string type, string chain, string eventId, DateTimeOffset occurredAt, DateTimeOffset recordedAt, string actor, string subject, JsonObject data)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(data);
        RequireIdentifier(chain, nameof(chain));
        RequireIdentifier(eventId, nameof(eventId));
        if (SafeIntegers.FindViolation(data, "data") is { } unsafeNumber)
        {
            throw new ArgumentException($"{unsafeNumber} must be {SafeIntegers.Rule}.", nameof(data));
        }

        Type = type;
        Chain = chain;
        EventId = eventId;
        OccurredAt = occurredAt.ToUniversalTime();
        RecordedAt = recordedAt.ToUniversalTime();
        Actor = actor;
        Subject = subject;
        DataJson = Jcs.CanonicalizeToString(data);
        canonicalJson = Canonicalize();
    }

    /// <summary>The event's type, e.g. <c>job.raised</c>, <c>contract.registered</c>, <c>job.settled</c>.</summary>
    public string Type { get; }

    /// <summary>The chain the event belongs to: an association id, or <c>operator</c>.</summary>
    public string Chain { get; }

    /// <summary>Unique within its chain; appending the same event id twice appends it once.</summary>
    public string EventId { get; }

    /// <summary>Business time, supplied by the sender.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>When the service accepted the event.</summary>
    public DateTimeOffset RecordedAt { get; }

    /// <summary>Who caused the event, e.g. an association, a supplier or the settlement run.</summary>
    public string Actor { get; }

    /// <summary>What the event is about, e.g. a job or contract id.</summary>
    public string Subject { get; }

    /// <summary>The event's body as RFC 8785 canonical JSON text.</summary>
    public string DataJson { get; }

    /// <summary>A fresh copy of the event's body; changing it changes nothing here.</summary>
    public JsonObject Data => JsonNode.Parse(DataJson)!.AsObject();

    /// <summary>
    /// Reads a transaction as the ledger writes it. Every member is required and no other is allowed; instants
    /// must be in their one written form (<see cref="UtcTimestamp.Format"/>) so the transaction hashes as it did
    /// when it was sealed.
    /// </summary>
    public static Validated<LedgerTransaction> FromJson(JsonObject json) =>
        LedgerDocument.Read(json, string.Empty, MemberNames, Read);

    /// <summary>The transaction's JSON form: <c>{type, chain, eventId, occurredAt, recordedAt, actor, subject, data}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["chain"] = Chain,
        ["eventId"] = EventId,
        ["occurredAt"] = UtcTimestamp.Format(OccurredAt),
        ["recordedAt"] = UtcTimestamp.Format(RecordedAt),
        ["actor"] = Actor,
        ["subject"] = Subject,
        ["data"] = Data,
    };

    /// <summary>The RFC 6962 leaf hash: SHA-256(0x00 ‖ JCS(transaction)).</summary>
    public byte[] LeafHash() => Rfc6962.HashLeaf(Encoding.UTF8.GetBytes(canonicalJson));

    /// <summary>Reads an opened transaction; null when it is absent or has errors.</summary>
    internal static LedgerTransaction? Read(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var type = reader.String("type");
        var chain = reader.Identifier("chain");
        var eventId = reader.Identifier("eventId");
        var occurredAt = reader.Instant("occurredAt");
        var recordedAt = reader.Instant("recordedAt");
        var actor = reader.String("actor");
        var subject = reader.String("subject");
        var data = ReadData(reader);
        return reader.IsValid
            ? new LedgerTransaction(type!, chain!, eventId!, occurredAt!.Value, recordedAt!.Value, actor!, subject!, data!)
            : null;
    }

    private static JsonObject? ReadData(JsonObjectReader reader)
    {
        if (reader.Object("data") is not { } value)
        {
            return null;
        }

        var data = JsonObject.Create(value)!;
        if (SafeIntegers.FindViolation(data, reader.PathOf("data")) is { } unsafeNumber)
        {
            reader.Add(new FieldError(unsafeNumber, "must be " + SafeIntegers.Rule));
            return null;
        }

        return data;
    }

    /// <summary>
    /// JCS(<see cref="ToJson"/>) written member by member in RFC 8785 order (names sorted by UTF-16 code units),
    /// with <see cref="DataJson"/> already canonical: the same text as canonicalising <see cref="ToJson"/>, without
    /// parsing <see cref="DataJson"/> back into a node.
    /// </summary>
    private string Canonicalize()
    {
        var text = new StringBuilder(DataJson.Length + 256);
        text.Append("{\"actor\":");
        Jcs.WriteString(Actor, text);
        text.Append(",\"chain\":");
        Jcs.WriteString(Chain, text);
        text.Append(",\"data\":").Append(DataJson).Append(",\"eventId\":");
        Jcs.WriteString(EventId, text);
        text.Append(",\"occurredAt\":");
        Jcs.WriteString(UtcTimestamp.Format(OccurredAt), text);
        text.Append(",\"recordedAt\":");
        Jcs.WriteString(UtcTimestamp.Format(RecordedAt), text);
        text.Append(",\"subject\":");
        Jcs.WriteString(Subject, text);
        text.Append(",\"type\":");
        Jcs.WriteString(Type, text);
        return text.Append('}').ToString();
    }

    private static void RequireIdentifier(string value, string name)
    {
        if (!Identifier.IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not an id: an id is {Identifier.Rule}.", name);
        }
    }
}
