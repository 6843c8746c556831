namespace HousingLedger.Webhooks;

/// <summary>
/// A webhook whose signature checked out: its <c>webhook-id</c> (the ledger event id of what it carries, and the
/// key that makes redelivery harmless) and the instant its <c>webhook-timestamp</c> names.
/// </summary>
public sealed record VerifiedWebhook(string Id, DateTimeOffset Timestamp);
