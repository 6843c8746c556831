using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Validation;

namespace HousingLedger.Values;

/// <summary>
/// A UK bank account a payment is made from or to: sort code, account number and the name the account is
/// held in. The JSON form is <c>{"sortCode", "accountNumber", "accountName"}</c> with the canonical digits,
/// as it is recorded on the ledger when bank details are registered or changed.
/// </summary>
public sealed record BankAccount(SortCode SortCode, AccountNumber AccountNumber, string AccountName)
{
    /// <summary>The longest account name, in characters: ISO 20022 <c>Max70Text</c>.</summary>
    public const int MaxAccountNameLength = 70;

    public const string AccountNameRule =
        "1–70 printable characters, with no control or invisible formatting characters and no leading or trailing spaces";

    private static readonly string[] FieldNames = ["sortCode", "accountNumber", "accountName"];

    public SortCode SortCode { get; } = SortCode ?? throw new ArgumentNullException(nameof(SortCode));

    public AccountNumber AccountNumber { get; } = AccountNumber ?? throw new ArgumentNullException(nameof(AccountNumber));

    public string AccountName { get; } = IsValidAccountName(AccountName)
        ? AccountName
        : throw new ArgumentException("An account name is " + AccountNameRule + ".", nameof(AccountName));

    /// <summary>
    /// Reads bank details from a request or ledger body. <paramref name="fieldPrefix"/> is the path of
    /// <paramref name="bank"/> in that body (e.g. <c>bank</c>), so errors name <c>bank.sortCode</c> and so on.
    /// Every problem is reported, including missing fields, non-string values, duplicates and unknown properties.
    /// </summary>
    public static Validated<BankAccount> Parse(JsonElement bank, string fieldPrefix)
    {
        ArgumentNullException.ThrowIfNull(fieldPrefix);
        return JsonObjectReader.Read(bank, fieldPrefix, JsonReadPolicy.Request, FieldNames, Read);
    }

    /// <summary>Whether <paramref name="name"/> may name an account (see <see cref="AccountNameRule"/>).</summary>
    public static bool IsValidAccountName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name[0] == ' ' || name[^1] == ' ')
        {
            return false;
        }

        var length = 0;
        var index = 0;
        while (index < name.Length)
        {
            if (Rune.DecodeFromUtf16(name.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done
                || !IsPrintable(rune)
                || ++length > MaxAccountNameLength)
            {
                return false;
            }

            index += consumed;
        }

        return true;
    }

    /// <summary>The JSON form, <c>{"sortCode":"123456","accountNumber":"12345678","accountName":"…"}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["sortCode"] = SortCode.Digits,
        ["accountNumber"] = AccountNumber.Digits,
        ["accountName"] = AccountName,
    };

    // Invisible and control characters are refused: a name that looks like another on screen is how payee
    // details get spoofed, and bank files cannot carry them anyway.
    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        UnicodeCategory.SpaceSeparator => rune.Value == ' ',
        _ => true,
    };

    private static Validated<string> ParseAccountName(string? text, string field) =>
        IsValidAccountName(text) ? Validated<string>.Valid(text!) : Validated<string>.Invalid(field, "must be " + AccountNameRule);

    private static BankAccount? Read(JsonObjectReader fields)
    {
        var sortCode = Read(fields, "sortCode", SortCode.Parse);
        var accountNumber = Read(fields, "accountNumber", AccountNumber.Parse);
        var accountName = Read(fields, "accountName", ParseAccountName);
        return fields.IsValid ? new BankAccount(sortCode!, accountNumber!, accountName!) : null;
    }

    // Reads one detail, so that each detail's own rule names what a malformed value should look like.
    private static T? Read<T>(JsonObjectReader fields, string name, Func<string, string, Validated<T>> parse)
        where T : class
    {
        var text = fields.Text(name);
        if (text is null)
        {
            return null;
        }

        var parsed = parse(text, fields.PathOf(name));
        fields.AddRange(parsed.Errors);
        return parsed.IsValid ? parsed.Value : null;
    }
}
