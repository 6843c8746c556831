using System.Numerics;
using HousingLedger.Values;

namespace HousingLedger.Settlement;

/// <summary>
/// Settlement's arithmetic on rates, done exactly. <see cref="decimal"/> multiplication silently rounds once a
/// product passes 28 significant digits (a 10-digit rate times a 10-digit rate times £100 million), which would be
/// a hidden second rounding; here every product is exact, so money is rounded once, by
/// <see cref="Money.RoundFromPence"/>, and a ratio is compared with no rounding at all.
/// </summary>
internal static class ExactArithmetic
{
    // A decimal has at most 28 decimal places; three factors at most 84.
    private static readonly BigInteger[] PowersOfTen = [.. Enumerable.Range(0, 85).Select(power => BigInteger.Pow(10, power))];

    /// <summary><paramref name="amount"/> times every factor (each from 0 to 1), rounded once to the penny.</summary>
    public static Money MultiplyAndRound(Money amount, params ReadOnlySpan<decimal> factors)
    {
        BigInteger product = amount.Pence;
        var scale = 0;
        foreach (var factor in factors)
        {
            var (digits, places) = Unscaled(factor);
            product *= digits;
            scale += places;
        }

        // The exact product is product / 10^scale. Rounding half away from zero to a whole penny depends only on the
        // whole pence and the first decimal digit, so cutting it to tenths of a penny (toward zero) loses nothing.
        var tenths = BigInteger.Divide(product * 10, PowersOfTen[scale]);
        return Money.RoundFromPence((decimal)tenths / 10m);
    }

    /// <summary>Whether <paramref name="count"/> / <paramref name="outOf"/> ≥ <paramref name="threshold"/>; a ratio over none is 0.</summary>
    public static bool RatioReaches(int count, int outOf, Rate threshold)
    {
        if (outOf == 0)
        {
            return threshold == Rate.Zero;
        }

        // count / outOf ≥ digits / 10^places, cross-multiplied in whole numbers.
        var (digits, places) = Unscaled(threshold.Value);
        return count * PowersOfTen[places] >= digits * outOf;
    }

    // A non-negative decimal as digits / 10^places, read from its own representation, so nothing is rounded.
    private static (BigInteger Digits, int Places) Unscaled(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var digits = new UInt128((uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        return (digits, value.Scale);
    }
}
