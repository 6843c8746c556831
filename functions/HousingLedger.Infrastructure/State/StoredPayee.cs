using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Suppliers;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.State;

/// <summary>
/// How a payee's bank details are kept in a state row: <c>"bank": {"sortCode", "accountNumber", "accountName"}</c>
/// and, once they have changed, <c>"bankChange": {"eventId", "occurredAt"}</c> — the latest change's event. A
/// supplier's profile holds them, and so does each job settled into a batch (the details the run paid).
/// </summary>
public static class StoredPayee
{
    /// <summary>Writes <paramref name="payee"/> into <paramref name="document"/>'s <c>bank</c> and <c>bankChange</c>.</summary>
    public static JsonObject Write(JsonObject document, PayeeBank payee)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(payee);
        document["bank"] = payee.Account.ToJson();
        document.Remove("bankChange");
        if (payee.LatestChange is { } change)
        {
            document["bankChange"] = new JsonObject { ["eventId"] = change.EventId.Value, ["occurredAt"] = UtcTimestamp.Format(change.OccurredAt) };
        }

        return document;
    }

    /// <exception cref="InvalidDataException">The stored details do not parse: the row was altered outside the service.</exception>
    public static PayeeBank Read(JsonObject document) => new(ReadBank(document), ReadChange(document));

    /// <exception cref="InvalidDataException">As for <see cref="Read"/>.</exception>
    public static BankAccount ReadBank(JsonObject document)
    {
        var bank = BankAccount.Parse(JsonSerializer.SerializeToElement(document["bank"]), "bank");
        return bank.IsValid ? bank.Value : throw new InvalidDataException($"Stored bank details do not parse: {string.Join("; ", bank.Errors)}");
    }

    private static BankDetailsChange? ReadChange(JsonObject document)
    {
        if (document["bankChange"] is not JsonObject change)
        {
            return null;
        }

        return TypedId.TryParse<EventId>((string?)change["eventId"], out var eventId) && UtcTimestamp.TryParse((string?)change["occurredAt"], out var occurredAt)
            ? new BankDetailsChange(eventId, occurredAt)
            : throw new InvalidDataException($"A stored bank-detail change does not parse: {change.ToJsonString()}");
    }
}
