using System.Security.Cryptography;
using System.Text;
using HousingLedger.Suppliers;
using HousingLedger.Values;

namespace HousingLedger.Functions.Parties;

/// <summary>
/// The event ids of bank-detail changes and confirmations, derived from what they are about. A change lands on
/// association chains as well as the operator's, where a client's own <c>Idempotency-Key</c> could already name
/// another event, so the key is folded into the id rather than used as it is; one id then claims the change once
/// on every chain, and a retry completes what a failed attempt left undone.
/// </summary>
public static class BankDetailsEventIds
{
    /// <summary>A change sent with an <c>Idempotency-Key</c>: <c>bank_</c> and 40 hex digits of SHA-256 of the supplier and the key.</summary>
    public static EventId Keyed(SupplierId supplierId, EventId idempotencyKey) =>
        Derived("bank_", "key", supplierId.Value, idempotencyKey.Value);

    /// <summary>
    /// A change sent without one: derived from the change it follows and the new details, so the same request
    /// sent again before any other change is the same event.
    /// </summary>
    public static EventId Unkeyed(SupplierId supplierId, BankDetailsChange? previous, BankAccount bank) =>
        Derived("bank_", "details", supplierId.Value, previous?.EventId.Value ?? "registered", BankDetailsCommitment.CanonicalText(bank));

    /// <summary>An association's confirmation of a change: one per change, however often it is sent.</summary>
    public static EventId Confirmation(SupplierId supplierId, EventId changeEventId) =>
        Derived("bankok_", "confirm", supplierId.Value, changeEventId.Value);

    // Each part is length-prefixed, so no two lists of parts hash the same text.
    private static EventId Derived(string prefix, params string[] parts)
    {
        var text = string.Concat(parts.Select(part => $"{part.Length}:{part}|"));
        return TypedId.Parse<EventId>(prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40]);
    }
}
