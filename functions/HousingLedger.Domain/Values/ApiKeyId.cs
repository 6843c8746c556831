using System.Text.Json.Serialization;

namespace HousingLedger.Values;

/// <summary>An API key's id: how its association lists and revokes it, never the key itself.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<ApiKeyId>))]
public readonly record struct ApiKeyId : ITypedId<ApiKeyId>
{
    private ApiKeyId(string value) => Value = value;

    public string Value { get; }

    public static string Prefix => "key";

    static ApiKeyId ITypedId<ApiKeyId>.FromChecked(string value) => new(value);

    public override string ToString() => Value;
}
