namespace HousingLedger.Functions.WorkOrders;

/// <summary>How work orders are delivered (<c>WorkOrders:*</c>).</summary>
public sealed class WorkOrderOptions
{
    /// <summary>Attempts before a work order is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the second attempt; each later wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a supplier's endpoint has to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan DelayAfter(int attempt)
    {
        var delay = RetryDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}
