using HousingLedger.Values;

namespace HousingLedger.Contracts;

/// <summary>
/// The reduction a supplier takes when too many of its jobs finish late (SPEC §6.4): over the last
/// <paramref name="Window"/> (whole calendar months), if late jobs / jobs in scope reaches <paramref name="Threshold"/>,
/// <paramref name="Reduction"/> comes off the net price.
/// </summary>
public sealed record LatePenalty(IsoDuration Window, Rate Threshold, Rate Reduction)
{
    /// <summary>The window in calendar months, as settlement counts it back from its as-of time.</summary>
    public IsoDuration Window { get; } = Window is { IsWholeMonths: true }
        ? Window
        : throw new ArgumentException("A late-penalty window is a whole number of calendar months.", nameof(Window));
}
