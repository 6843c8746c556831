using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Jobs;

/// <summary>
/// What a supplier shows for finished work, from the <c>data</c> of a <c>job.completed</c> webhook: the installed
/// appliance's serial number, SHA-256 hashes of photos it keeps, and free-text notes. Only these fields are taken,
/// because whatever reaches the ledger must not carry personal data; the notes may, so they stay off the ledger
/// behind a <see cref="FreeTextCommitment"/> (see <see cref="ToLedgerData"/>). All are optional.
/// </summary>
public sealed record CompletionEvidence
{
    public const string Path = "data";

    public const int MaxSerialNumberLength = 100;

    public const int MaxPhotos = 20;

    public const int MaxNotesLength = 2000;

    private static readonly string[] Members = ["serialNumber", "photoSha256", "notes"];

    private CompletionEvidence(string? serialNumber, IReadOnlyList<string> photoSha256, string? notes)
    {
        SerialNumber = serialNumber;
        PhotoSha256 = photoSha256;
        Notes = notes;
    }

    /// <summary>The serial number of what was installed: 1–100 characters, no control characters.</summary>
    public string? SerialNumber { get; }

    /// <summary>Lower-case hex SHA-256 of each photo the supplier keeps (at most 20).</summary>
    public IReadOnlyList<string> PhotoSha256 { get; }

    /// <summary>Free text (1–2000 characters, line breaks allowed); never written to the ledger.</summary>
    public string? Notes { get; }

    /// <summary>
    /// Reads the <c>data</c> of a <c>job.completed</c> event; absent (<see cref="JsonValueKind.Undefined"/>) or null
    /// data is evidence of nothing. Errors name <c>data.serialNumber</c>, <c>data.photoSha256[3]</c> and so on;
    /// unknown fields are refused.
    /// </summary>
    public static Validated<CompletionEvidence> Parse(JsonElement data)
    {
        if (data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Validated<CompletionEvidence>.Valid(new CompletionEvidence(null, [], null));
        }

        return JsonObjectReader.Read(data, Path, JsonReadPolicy.Request, Members, Read);
    }

    /// <summary>
    /// The evidence as the ledger records it: <c>serialNumber</c> when given, <c>photoSha256</c> always, and in place
    /// of the notes only <c>notesCommitment</c>, the <see cref="FreeTextCommitment"/> made for them.
    /// </summary>
    /// <exception cref="ArgumentException">A commitment is given without notes, or notes without a commitment.</exception>
    public JsonObject ToLedgerData(string? notesCommitment)
    {
        if ((Notes is null) != (notesCommitment is null))
        {
            throw new ArgumentException("Notes go to the ledger only as their commitment: give one exactly when there are notes.", nameof(notesCommitment));
        }

        var data = new JsonObject();
        if (SerialNumber is not null)
        {
            data["serialNumber"] = SerialNumber;
        }

        data["photoSha256"] = new JsonArray([.. PhotoSha256.Select(hash => JsonValue.Create(hash))]);
        if (notesCommitment is not null)
        {
            data["notesCommitment"] = notesCommitment;
        }

        return data;
    }

    public bool Equals(CompletionEvidence? other) =>
        other is not null && SerialNumber == other.SerialNumber && PhotoSha256.SequenceEqual(other.PhotoSha256) && Notes == other.Notes;

    public override int GetHashCode() => HashCode.Combine(SerialNumber, PhotoSha256.Count, Notes);

    private static CompletionEvidence? Read(JsonObjectReader fields)
    {
        var serialNumber = fields.String("serialNumber", MaxSerialNumberLength, required: false);
        var photoSha256 = ReadPhotoHashes(fields);
        var notes = ReadNotes(fields);
        return fields.IsValid ? new CompletionEvidence(serialNumber, photoSha256, notes) : null;
    }

    private static List<string> ReadPhotoHashes(JsonObjectReader fields)
    {
        var hashes = new List<string>();
        if (fields.Element("photoSha256") is not { } value)
        {
            return hashes;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxPhotos)
        {
            fields.Add("photoSha256", $"must be an array of at most {MaxPhotos} SHA-256 hashes");
            return hashes;
        }

        foreach (var (element, index) in value.EnumerateArray().Select((element, index) => (element, index)))
        {
            // A hash needs no escapes, so its raw JSON is the 64 digits in quotes; anything else is refused unread.
            var raw = element.GetRawText();
            if (element.ValueKind == JsonValueKind.String && raw.Length == 66 && raw[1..^1].All(char.IsAsciiHexDigitLower))
            {
                hashes.Add(raw[1..^1]);
            }
            else
            {
                fields.Add(new FieldError(fields.PathOf("photoSha256", index), "must be a SHA-256 hash written as 64 lower-case hex digits"));
            }
        }

        return hashes;
    }

    // Notes are free text, so unlike other strings they may hold line breaks and tabs.
    private static string? ReadNotes(JsonObjectReader fields)
    {
        var notes = fields.Text("notes", required: false);
        if (notes is null)
        {
            return null;
        }

        var length = notes.EnumerateRunes().Count();
        if (length is < 1 or > MaxNotesLength || notes.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            fields.Add("notes", $"must be text of 1–{MaxNotesLength} characters, with no control characters but line breaks and tabs");
            return null;
        }

        return notes;
    }
}
