using HousingLedger.Values;

namespace HousingLedger.Validation;

/// <summary>
/// The rules a <see cref="JsonObjectReader"/> holds one kind of document to where the two kinds differ: what text
/// and which written instants it takes, and what it calls the root object. Immutable and thread-safe.
/// </summary>
internal sealed class JsonReadPolicy
{
    /// <summary>
    /// Ledger documents, read as they were sealed: any non-empty text (docs/ledger-format.md), and instants only in
    /// their one written form, so a document hashes again as it did. The root is <c>$</c>, as in JSONPath.
    /// </summary>
    public static readonly JsonReadPolicy Ledger = new("$", refusesControlCharacters: false, takesOnlyWrittenInstants: true);

    /// <summary>
    /// Request bodies from clients: text without control characters, and an instant in any ISO 8601 UTC form.
    /// The root is the <c>body</c>.
    /// </summary>
    public static readonly JsonReadPolicy Request = new("body", refusesControlCharacters: true, takesOnlyWrittenInstants: false);

    private readonly string root;
    private readonly bool refusesControlCharacters;
    private readonly bool takesOnlyWrittenInstants;

    private JsonReadPolicy(string root, bool refusesControlCharacters, bool takesOnlyWrittenInstants)
    {
        this.root = root;
        this.refusesControlCharacters = refusesControlCharacters;
        this.takesOnlyWrittenInstants = takesOnlyWrittenInstants;
    }

    public string InstantMessage => takesOnlyWrittenInstants ? FieldMessages.WrittenInstant : FieldMessages.Instant;

    /// <summary>The path that names an object in errors about the object itself: the root has a name of its own.</summary>
    public string ObjectPath(string path) => path.Length == 0 ? root : path;

    public bool TakesText(string text, int maxLength) =>
        text.Length > 0 && text.Length <= maxLength && !(refusesControlCharacters && text.Any(char.IsControl));

    public string TextMessage(int maxLength) => FieldMessages.Text(maxLength, refusesControlCharacters);

    public bool TryReadInstant(string text, out DateTimeOffset instant) =>
        UtcTimestamp.TryParse(text, out instant) && (!takesOnlyWrittenInstants || UtcTimestamp.Format(instant) == text);
}
