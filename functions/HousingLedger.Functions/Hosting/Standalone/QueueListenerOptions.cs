namespace HousingLedger.Functions.Hosting.Standalone;

/// <summary>
/// The standalone queue listeners' settings. They carry host.json's names and defaults
/// (<c>extensions.queues</c>) and are read from the same configuration path the Functions host uses to
/// override host.json, <c>AzureFunctionsJobHost__extensions__queues__…</c>.
/// </summary>
internal sealed class QueueListenerOptions
{
    public const string SectionName = "AzureFunctionsJobHost:extensions:queues";

    /// <summary>Messages received at once, and the most run at once per queue (storage allows at most 32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Attempts before a failing message moves to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>The longest wait between polls of an empty queue; polling backs off up to it.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a failed message stays invisible before its next attempt.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a received message stays hidden while its function runs; renewed at half that until the function
    /// finishes, as the host's queue trigger does. Not a host.json setting (tests shorten it).
    /// </summary>
    internal TimeSpan RunningVisibility { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsValid =>
        BatchSize is >= 1 and <= 32 && MaxDequeueCount >= 1 && MaxPollingInterval >= TimeSpan.FromMilliseconds(100) && VisibilityTimeout >= TimeSpan.Zero;
}
