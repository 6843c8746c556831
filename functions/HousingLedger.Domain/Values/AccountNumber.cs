using HousingLedger.Validation;

namespace HousingLedger.Values;

/// <summary>
/// A UK bank account number as BACS and Faster Payments carry it: exactly eight digits. Shorter or longer
/// numbers (some building societies) must be converted by the account holder's bank first, never padded here.
/// </summary>
public sealed record AccountNumber
{
    public const string Rule = "eight digits";

    private AccountNumber(string digits) => Digits = digits;

    /// <summary>Parses client input, naming <paramref name="field"/> in the error when it is not an account number.</summary>
    public static Validated<AccountNumber> Parse(string? text, string field) =>
        TryParse(text, out var parsed) ? Validated<AccountNumber>.Valid(parsed) : Validated<AccountNumber>.Invalid(field, "must be " + Rule);

    /// <summary>The eight digits, e.g. <c>31926819</c>.</summary>
    public string Digits { get; }

    public static bool TryParse(string? text, out AccountNumber accountNumber)
    {
        accountNumber = null!;
        if (text is not { Length: 8 } || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        accountNumber = new AccountNumber(text);
        return true;
    }

    public override string ToString() => Digits;
}
