using HousingLedger.Values;

namespace HousingLedger.Functions.Api;

/// <summary>
/// The <c>Idempotency-Key</c> header, which becomes the event's id on its chain: a retried request with the same
/// key is recognised and not recorded twice. A key that is not a valid id is refused by <see cref="ApiGate"/>
/// before any handler runs.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>The header as sent; empty when it is absent.</summary>
    public static string Text(HttpRequest request) => request.Headers[Header].ToString();

    /// <summary>The event id the header names; null when it is absent (the gate has refused it when malformed).</summary>
    public static EventId? Of(HttpRequest request) => TypedId.TryParse<EventId>(Text(request), out var id) ? id : null;
}
