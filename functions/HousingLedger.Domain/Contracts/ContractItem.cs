using HousingLedger.Values;

namespace HousingLedger.Contracts;

/// <summary>
/// One line of a contract's schedule of rates: what the supplier does for one unit, and the price of a unit
/// before discount, penalty and VAT.
/// </summary>
/// <param name="Code">The item code jobs name, e.g. <c>OVEN-600-SINGLE</c> (see <see cref="CodeRule"/>).</param>
/// <param name="Description">What one unit of work is, as the schedule describes it.</param>
/// <param name="UnitPrice">The price of one unit, excluding VAT.</param>
public sealed record ContractItem(string Code, string Description, Money UnitPrice)
{
    public const string CodeRule = "1–40 characters of A–Z, 0–9 and '-'";

    public const int MaxCodeLength = 40;

    public static bool IsValidCode(string? code) =>
        code is { Length: > 0 and <= MaxCodeLength } && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-');
}
