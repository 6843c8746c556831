using HousingLedger.Values;

namespace HousingLedger.Contracts;

/// <summary>
/// The discount a supplier gives as a contract's volume grows (SPEC §6.3): tiers in strictly increasing order of
/// <see cref="DiscountTier.MinUnits"/>, the first from 1 unit, so every count of units falls in exactly one tier.
/// </summary>
public sealed record VolumeDiscount
{
    /// <summary>Takes tiers already checked (<see cref="ContractTermsParser"/> checks client input).</summary>
    /// <exception cref="ArgumentException">The tiers do not start at 1 unit or do not strictly increase.</exception>
    public VolumeDiscount(IEnumerable<DiscountTier> tiers)
    {
        Tiers = [.. tiers];
        if (Tiers.Count == 0 || Tiers[0].MinUnits != 1 || Tiers.Zip(Tiers.Skip(1)).Any(pair => pair.First.MinUnits >= pair.Second.MinUnits))
        {
            throw new ArgumentException("Discount tiers start at 1 unit and strictly increase.", nameof(tiers));
        }
    }

    public IReadOnlyList<DiscountTier> Tiers { get; }

    /// <summary>The rate of the highest tier whose minimum is at most <paramref name="cumulativeUnits"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cumulativeUnits"/> is below 1.</exception>
    public Rate RateFor(long cumulativeUnits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cumulativeUnits, 1);
        return Tiers.Last(tier => tier.MinUnits <= cumulativeUnits).Rate;
    }

    public bool Equals(VolumeDiscount? other) => other is not null && Tiers.SequenceEqual(other.Tiers);

    public override int GetHashCode() => Tiers.Aggregate(0, (hash, tier) => HashCode.Combine(hash, tier));
}
