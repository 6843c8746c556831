namespace HousingLedger.Jobs;

/// <summary>The wire names of <see cref="JobState"/>: the state's name in lower case (<c>raised</c>, <c>completed</c> …).</summary>
public static class JobStates
{
    public static string WireName(this JobState state) => state.ToString().ToLowerInvariant();

    /// <summary>Every wire name, in lifecycle order.</summary>
    public static IReadOnlyList<string> WireNames { get; } = [.. Enum.GetValues<JobState>().Select(WireName)];

    /// <summary>Reads a wire name; exact, lower case.</summary>
    public static bool TryParse(string? wireName, out JobState state)
    {
        foreach (var candidate in Enum.GetValues<JobState>())
        {
            if (candidate.WireName() == wireName)
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }
}
