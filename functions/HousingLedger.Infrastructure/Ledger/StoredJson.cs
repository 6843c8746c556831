using System.Text.Json.Nodes;
using HousingLedger.Ledger;

namespace HousingLedger.Infrastructure.Ledger;

/// <summary>
/// Reads ledger JSON back from storage. What the service wrote always parses; anything else means the row was
/// altered outside the service, which is reported as <see cref="InvalidDataException"/> naming the fault.
/// </summary>
internal static class StoredBlock
{
    public static Block Parse(JsonObject json) => Unwrap(Block.FromJson(json), "block");

    internal static T Unwrap<T>(HousingLedger.Validation.Validated<T> read, string what) =>
        read.IsValid
            ? read.Value
            : throw new InvalidDataException($"A stored {what} does not parse: " + string.Join("; ", read.Errors.Select(e => $"{e.Field}: {e.Message}")));
}

internal static class StoredTransaction
{
    public static LedgerTransaction Parse(JsonObject json) => StoredBlock.Unwrap(LedgerTransaction.FromJson(json), "transaction");
}
