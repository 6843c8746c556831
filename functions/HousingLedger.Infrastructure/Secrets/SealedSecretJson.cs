using System.Text.Json;
using System.Text.Json.Nodes;
using HousingLedger.Values;

namespace HousingLedger.Infrastructure.Secrets;

/// <summary>Reading a sealed secret as a vault stored it, and saying why one cannot be opened.</summary>
internal static class SealedSecretJson
{
    public static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static InvalidDataException Unreadable(SupplierId supplierId, string why) => new($"The stored webhook secret of supplier {supplierId} cannot be opened: {why}.");
}
