using HousingLedger.Values;

namespace HousingLedger.Contracts;

/// <summary>A step of a volume discount: from <paramref name="MinUnits"/> cumulative units on, <paramref name="Rate"/> comes off.</summary>
public sealed record DiscountTier(int MinUnits, Rate Rate);
