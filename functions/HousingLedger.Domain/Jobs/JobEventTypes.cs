namespace HousingLedger.Jobs;

/// <summary>The names of job events, as ledger transactions and webhooks carry them, and who may send each.</summary>
public static class JobEventTypes
{
    public const string Raised = "job.raised";

    public const string Accepted = "job.accepted";

    public const string Completed = "job.completed";

    public const string Cancelled = "job.cancelled";

    public const string Approved = "job.approved";

    public const string Disputed = "job.disputed";

    public const string Settled = "job.settled";

    private static readonly Dictionary<string, JobEventSender> Senders = new(StringComparer.Ordinal)
    {
        [Raised] = JobEventSender.Service,
        [Accepted] = JobEventSender.Supplier,
        [Completed] = JobEventSender.Supplier,
        [Cancelled] = JobEventSender.Supplier,
        [Approved] = JobEventSender.Association,
        [Disputed] = JobEventSender.Association,
        [Settled] = JobEventSender.Service,
    };

    /// <summary>Every job event type, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [Raised, Accepted, Completed, Cancelled, Approved, Disputed, Settled];

    public static bool IsKnown(string? type) => type is not null && Senders.ContainsKey(type);

    /// <summary>Who may send <paramref name="type"/>, or null when it is not a job event type.</summary>
    public static JobEventSender? SenderOf(string? type) => type is not null && Senders.TryGetValue(type, out var sender) ? sender : null;

    /// <summary>The types <paramref name="sender"/> may send, e.g. for an error that lists them.</summary>
    public static IReadOnlyList<string> SentBy(JobEventSender sender) => [.. All.Where(type => Senders[type] == sender)];
}
