using System.Text.Json;

namespace HousingLedger.Validation;

/// <summary>
/// What a <see cref="JsonObjectReader"/> says is wrong with a member: each check in one wording, whether a client's
/// request or a ledger document failed it, so both read the same words for the same fault.
/// </summary>
internal static class FieldMessages
{
    public const string Required = "is required";

    public const string Duplicate = "appears more than once";

    public const string LoneSurrogate = "must be valid Unicode text (it holds an unpaired surrogate escape)";

    public const string MemberNameNotText = "has a member name that is not valid Unicode text (an unpaired surrogate escape)";

    public const string Identifier = "must be " + Values.Identifier.Rule;

    public const string Instant = "must be an ISO 8601 UTC instant such as 2026-03-01T09:30:00Z";

    public const string WrittenInstant = "must be a UTC instant in its one written form, e.g. 2026-03-01T10:00:00Z or 2026-03-01T10:00:00.25Z";

    public const string Sha256 = "must be a SHA-256 hash: 64 lowercase hex digits";

    public static string Unknown(IEnumerable<string> memberNames) =>
        "is not a member of this object; expected only " + string.Join(", ", memberNames);

    public static string Kind(JsonValueKind expected, JsonValueKind found) => $"must be {Describe(expected)}, not {Describe(found)}";

    /// <summary>Text of 1 to <paramref name="maxLength"/> characters; <see cref="int.MaxValue"/> sets no upper limit.</summary>
    public static string Text(int maxLength, bool refusesControlCharacters) =>
        (maxLength == int.MaxValue ? "must be a non-empty string" : $"must be 1–{maxLength} characters")
        + (refusesControlCharacters ? " with no control characters" : string.Empty);

    /// <summary>A whole number in a range; <see cref="long.MaxValue"/> sets no upper limit.</summary>
    public static string WholeNumber(long minimum, long maximum) =>
        (maximum == long.MaxValue ? $"must be a whole number of at least {minimum}" : $"must be a whole number from {minimum} to {maximum}")
        + ", written without fraction or exponent";

    /// <summary>An array of 1 to <paramref name="maxCount"/> entries; <see cref="int.MaxValue"/> sets no upper limit.</summary>
    public static string EntryCount(int maxCount, int found) =>
        (maxCount == int.MaxValue ? "must hold at least one entry" : $"must hold 1 to {maxCount} entries") + $"; found {found}";

    public static string OneOf(IEnumerable<string> choices) => "must be one of " + string.Join(", ", choices);

    public static string Unwritable(string reason) => "cannot be written as RFC 8785 canonical JSON: " + reason;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
