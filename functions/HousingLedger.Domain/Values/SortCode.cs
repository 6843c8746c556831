using HousingLedger.Validation;

namespace HousingLedger.Values;

/// <summary>
/// A UK bank sort code: six digits that name a branch. Accepted as <c>123456</c> or <c>12-34-56</c>;
/// always held and written in the canonical six-digit form, so two spellings of one branch are equal.
/// </summary>
public sealed record SortCode
{
    public const string Rule = "six digits, written 123456 or 12-34-56";

    private SortCode(string digits) => Digits = digits;

    /// <summary>The six digits, e.g. <c>123456</c>.</summary>
    public string Digits { get; }

    /// <summary>Parses client input, naming <paramref name="field"/> in the error when it is not a sort code.</summary>
    public static Validated<SortCode> Parse(string? text, string field) =>
        TryParse(text, out var parsed) ? Validated<SortCode>.Valid(parsed) : Validated<SortCode>.Invalid(field, "must be " + Rule);

    /// <summary>Parses <c>123456</c> or <c>12-34-56</c>; anything else (spaces, other separators) is refused.</summary>
    public static bool TryParse(string? text, out SortCode sortCode)
    {
        sortCode = null!;
        var digits = text?.Length switch
        {
            6 => text,
            8 when text![2] == '-' && text[5] == '-' => string.Concat(text.AsSpan(0, 2), text.AsSpan(3, 2), text.AsSpan(6, 2)),
            _ => null,
        };
        if (digits is null || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        sortCode = new SortCode(digits);
        return true;
    }

    /// <summary>The branch as people read it on a cheque book, e.g. <c>12-34-56</c>.</summary>
    public string ToDashedString() => $"{Digits[..2]}-{Digits[2..4]}-{Digits[4..]}";

    public override string ToString() => Digits;
}
