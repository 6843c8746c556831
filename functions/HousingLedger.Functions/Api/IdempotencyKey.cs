
namespace HousingLedger.Functions.Api;

/// <summary>
/// The <c>Idempotency-Key</c> header, which becomes the event's id on its chain: a retried request with the same
/// key is recognised and not recorded twice. A key that is not a valid id is refused by
/// <see cref="ApiGate"/> before any handler runs.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public static string? Of(HttpRequest request)
    {
        var value = request.Headers[Header].ToString();
        return value.Length == 0 ? null : value;
    }
}
