namespace HousingLedger.Jobs;

/// <summary>The wire names of <see cref="Priority"/>: <c>emergency</c>, <c>urgent</c>, <c>routine</c>.</summary>
public static class Priorities
{
    /// <summary>Every priority, most pressing first.</summary>
    public static IReadOnlyList<Priority> All { get; } = [Priority.Emergency, Priority.Urgent, Priority.Routine];

    public const string Rule = "one of emergency, urgent, routine";

    /// <summary>The name clients and the ledger use, e.g. <c>urgent</c>.</summary>
    public static string WireName(this Priority priority) => priority switch
    {
        Priority.Emergency => "emergency",
        Priority.Urgent => "urgent",
        Priority.Routine => "routine",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Not a priority."),
    };

    /// <summary>Reads a wire name; exact, lower case (<c>Urgent</c> is refused, as is a number).</summary>
    public static bool TryParse(string? wireName, out Priority priority)
    {
        foreach (var candidate in All)
        {
            if (candidate.WireName() == wireName)
            {
                priority = candidate;
                return true;
            }
        }

        priority = default;
        return false;
    }
}
