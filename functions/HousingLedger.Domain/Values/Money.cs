namespace HousingLedger.Values;

/// <summary>
/// An amount of sterling in whole pence. Arithmetic is checked: an overflow is a bug, never a silent wrap.
/// This is the only place that rounds money (<see cref="RoundFromPence"/>).
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(long pence) => Pence = pence;

    /// <summary>The amount in pence.</summary>
    public long Pence { get; }

    public static Money Zero => default;

    public static Money FromPence(long pence) => new(pence);

    /// <summary>
    /// Rounds an exact amount in pence to the penny, half away from zero: the one rounding rule (SPEC §6.5).
    /// </summary>
    public static Money RoundFromPence(decimal exactPence) =>
        new(checked((long)decimal.Round(exactPence, 0, MidpointRounding.AwayFromZero)));

    public static Money operator +(Money left, Money right) => new(checked(left.Pence + right.Pence));

    public static Money operator -(Money left, Money right) => new(checked(left.Pence - right.Pence));

    /// <summary>This amount times a whole number of units, e.g. a unit price times a quantity.</summary>
    public Money Times(long units) => new(checked(Pence * units));

    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero;
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }

    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    public static bool operator <(Money left, Money right) => left.Pence < right.Pence;

    public static bool operator >(Money left, Money right) => left.Pence > right.Pence;

    public static bool operator <=(Money left, Money right) => left.Pence <= right.Pence;

    public static bool operator >=(Money left, Money right) => left.Pence >= right.Pence;

    /// <summary>Pounds and pence with two decimals, e.g. <c>345.00</c>, as payment files write it.</summary>
    public string ToPoundsString() =>
        (Pence / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"{Pence}p";
}
