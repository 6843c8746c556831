using System.Globalization;
using System.Text.RegularExpressions;

namespace HousingLedger.Values;

/// <summary>
/// A proportion between 0 and 1 inclusive (a VAT rate, a discount, a threshold). Held as an exact decimal;
/// written as a string in JSON so no ledger body carries a non-integer number (SPEC §3).
/// </summary>
public readonly partial record struct Rate : IComparable<Rate>
{
    private Rate(decimal value) => Value = value;

    public decimal Value { get; }

    public static Rate Zero => default;

    /// <summary>Creates a rate; throws for a value outside 0–1 (a programming error, not bad input).</summary>
    public static Rate FromDecimal(decimal value)
    {
        if (value is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A rate lies between 0 and 1 inclusive.");
        }

        return new Rate(value);
    }

    /// <summary>
    /// Parses the wire form: a plain decimal from 0 to 1 with at most 10 decimal places (<c>"0.20"</c>, <c>"1"</c>).
    /// No sign, exponent, spaces or thousands separators.
    /// </summary>
    public static bool TryParse(string? text, out Rate rate)
    {
        rate = default;
        if (text is null || !WireForm().IsMatch(text))
        {
            return false;
        }

        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value > 1m)
        {
            return false;
        }

        rate = new Rate(value);
        return true;
    }

    /// <summary>1 − this rate: the share that remains after a reduction.</summary>
    public decimal Complement => 1m - Value;

    public int CompareTo(Rate other) => Value.CompareTo(other.Value);

    public static bool operator <(Rate left, Rate right) => left.Value < right.Value;

    public static bool operator >(Rate left, Rate right) => left.Value > right.Value;

    public static bool operator <=(Rate left, Rate right) => left.Value <= right.Value;

    public static bool operator >=(Rate left, Rate right) => left.Value >= right.Value;

    /// <summary>The canonical wire form: invariant, no trailing zeros (<c>0.2</c>, <c>0</c>, <c>0.05</c>).</summary>
    public override string ToString() => (Value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9]{1,2}(\.[0-9]{1,10})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex WireForm();
}
