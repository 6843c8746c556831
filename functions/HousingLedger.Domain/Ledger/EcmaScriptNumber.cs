using System.Globalization;
using System.Text;

namespace HousingLedger.Ledger;

/// <summary>
/// Writes a double the way ECMAScript's <c>Number.prototype.toString</c> does (ECMA-262 §6.1.6.1.20), which is
/// the number form RFC 8785 §3.2.2.3 prescribes: the shortest digits that round-trip, plain notation for
/// exponents from -7 to 20, otherwise <c>d.ddde±n</c>. Thread-safe.
/// </summary>
internal static class EcmaScriptNumber
{
    /// <exception cref="ArgumentException">The value is NaN or infinite, which JSON cannot hold.</exception>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"JSON has no form for the number {value.ToString(CultureInfo.InvariantCulture)}.", nameof(value));
        }

        if (value == 0)
        {
            return "0"; // -0 too: ECMAScript writes it as 0.
        }

        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var text = Layout(digits, pointPosition);
        return value < 0 ? "-" + text : text;
    }

    /// <summary>
    /// The shortest round-trip significant digits (no leading or trailing zeros) and n, where the value is
    /// 0.digits × 10^n. .NET's "R" format already yields the shortest digits; only its layout differs.
    /// </summary>
    private static (string Digits, int PointPosition) ShortestDigits(double magnitude)
    {
        var roundTrip = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var dotAt = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dotAt < 0 ? mantissa.Length : dotAt;
        var allDigits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var significant = allDigits.TrimStart('0');
        var leadingZeros = allDigits.Length - significant.Length;
        return (significant.TrimEnd('0'), integerDigits + exponent - leadingZeros);
    }

    private static string Layout(string digits, int n)
    {
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var scientific = new StringBuilder(digits[..1]);
        if (k > 1)
        {
            scientific.Append('.').Append(digits, 1, k - 1);
        }

        return scientific.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
